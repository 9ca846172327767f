"""Network analysis: family network maps and the network of professionals around families.

Modules by question:

* :mod:`openco.analysis.measures` - what one family's map says (:func:`measure_map`).
* :mod:`openco.analysis.batch` - the same for many maps, fast and streaming
  (:func:`measure_maps`).
* :mod:`openco.analysis.flags` - plain flags with their thresholds (:func:`flags_for`).
* :mod:`openco.analysis.change` - how a map changed between two versions
  (:func:`compare_maps`).
* :mod:`openco.analysis.plan_load` - who carries a plan's items (:func:`plan_load`).
* :mod:`openco.analysis.area` - the network of professionals, per unit and per area
  (:func:`area_network`).
* :mod:`openco.analysis.privacy` - pseudonyms and age bands (:class:`Privacy`).
* :mod:`openco.analysis.export` - GraphML, GEXF, node-link JSON, CSV tables, and the
  :func:`to_networkx` escape hatch.
* :mod:`openco.analysis.draw` - the network-map picture (DOT; SVG and PNG with
  ``openco[plot]``).
* :mod:`openco.analysis.report` - one self-contained HTML report of an analysis
  (:func:`html_report`).
* :mod:`openco.analysis.diagram` - the workflow as a picture (SVG and PNG with
  ``openco[plot]``).

Imports :mod:`openco.model` and :mod:`openco.errors`. networkx is used only behind the private
``_graph`` module; no public function takes or returns a networkx graph except
:func:`~openco.analysis.export.to_networkx`.
"""

from openco.analysis.area import AreaReport as AreaReport
from openco.analysis.area import Broker as Broker
from openco.analysis.area import Group as Group
from openco.analysis.area import ProfessionalLink as ProfessionalLink
from openco.analysis.area import ProfessionalNetwork as ProfessionalNetwork
from openco.analysis.area import ProfessionalNetworkBuilder as ProfessionalNetworkBuilder
from openco.analysis.area import UncoordinatedFamily as UncoordinatedFamily
from openco.analysis.area import UnitAttendance as UnitAttendance
from openco.analysis.area import UnitPairTie as UnitPairTie
from openco.analysis.area import area_network as area_network
from openco.analysis.area import area_network_of as area_network_of
from openco.analysis.batch import MeasureTable as MeasureTable
from openco.analysis.batch import measure_maps as measure_maps
from openco.analysis.change import MapChange as MapChange
from openco.analysis.change import compare_maps as compare_maps
from openco.analysis.change import map_history as map_history
from openco.analysis.diagram import workflow_png as workflow_png
from openco.analysis.diagram import workflow_svg as workflow_svg
from openco.analysis.draw import MapLayout as MapLayout
from openco.analysis.draw import MapMark as MapMark
from openco.analysis.draw import layout_map as layout_map
from openco.analysis.draw import to_dot as to_dot
from openco.analysis.draw import to_png as to_png
from openco.analysis.draw import to_svg as to_svg
from openco.analysis.export import area_csv as area_csv
from openco.analysis.export import area_measures_csv as area_measures_csv
from openco.analysis.export import family_members_csv as family_members_csv
from openco.analysis.export import links_csv as links_csv
from openco.analysis.export import measures_csv as measures_csv
from openco.analysis.export import measures_csv_rows as measures_csv_rows
from openco.analysis.export import members_csv as members_csv
from openco.analysis.export import ties_csv as ties_csv
from openco.analysis.export import to_gexf as to_gexf
from openco.analysis.export import to_graphml as to_graphml
from openco.analysis.export import to_networkx as to_networkx
from openco.analysis.export import to_node_link as to_node_link
from openco.analysis.flags import DEFAULT_THRESHOLDS as DEFAULT_THRESHOLDS
from openco.analysis.flags import Flag as Flag
from openco.analysis.flags import FlagKind as FlagKind
from openco.analysis.flags import FlagThresholds as FlagThresholds
from openco.analysis.flags import flags_for as flags_for
from openco.analysis.measures import Breakdown as Breakdown
from openco.analysis.measures import MapMeasures as MapMeasures
from openco.analysis.measures import measure_map as measure_map
from openco.analysis.plan_load import AreaPlanLoad as AreaPlanLoad
from openco.analysis.plan_load import Party as Party
from openco.analysis.plan_load import PlanLoad as PlanLoad
from openco.analysis.plan_load import area_plan_loads as area_plan_loads
from openco.analysis.plan_load import plan_load as plan_load
from openco.analysis.plan_load import plan_loads as plan_loads
from openco.analysis.privacy import IdKind as IdKind
from openco.analysis.privacy import Privacy as Privacy
from openco.analysis.privacy import Pseudonymizer as Pseudonymizer
from openco.analysis.privacy import age_band as age_band
from openco.analysis.privacy import new_key as new_key
from openco.analysis.report import FlaggedMaps as FlaggedMaps
from openco.analysis.report import flagged_maps as flagged_maps
from openco.analysis.report import html_report as html_report

__all__ = [
    "DEFAULT_THRESHOLDS",
    "AreaPlanLoad",
    "AreaReport",
    "Breakdown",
    "Broker",
    "Flag",
    "FlagKind",
    "FlagThresholds",
    "FlaggedMaps",
    "Group",
    "IdKind",
    "MapChange",
    "MapLayout",
    "MapMark",
    "MapMeasures",
    "MeasureTable",
    "Party",
    "PlanLoad",
    "Privacy",
    "ProfessionalLink",
    "ProfessionalNetwork",
    "ProfessionalNetworkBuilder",
    "Pseudonymizer",
    "UncoordinatedFamily",
    "UnitAttendance",
    "UnitPairTie",
    "age_band",
    "area_csv",
    "area_measures_csv",
    "area_network",
    "area_network_of",
    "area_plan_loads",
    "compare_maps",
    "family_members_csv",
    "flagged_maps",
    "flags_for",
    "html_report",
    "layout_map",
    "links_csv",
    "map_history",
    "measure_map",
    "measure_maps",
    "measures_csv",
    "measures_csv_rows",
    "members_csv",
    "new_key",
    "plan_load",
    "plan_loads",
    "ties_csv",
    "to_dot",
    "to_gexf",
    "to_graphml",
    "to_networkx",
    "to_node_link",
    "to_png",
    "to_svg",
    "workflow_png",
    "workflow_svg",
]
