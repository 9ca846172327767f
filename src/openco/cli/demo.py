"""``openco demo``: tell the Vaaralampi story and write its files."""

from __future__ import annotations

from pathlib import Path

from openco.demo import vaaralampi_story
from openco.io import dumps
from openco.model import Bundle, FamilyId, MeetingRole, Ring

__all__ = ["run_demo", "story_text"]


def story_text(story: Bundle) -> str:
    """The story as text a person reads."""
    family = story.family(FamilyId("f-aino"))
    concern = story.concerns[0]
    before, after = story.maps_of(family.id)
    names = {m.id: m.label for m in after.members}
    names.update({p.id: p.name for p in story.professionals})
    names.update({m.id: m.name for m in family.members})
    lines = ["The Vaaralampi story (everyone in it is invented)", ""]
    child = family.member(concern.child)
    lines.append(
        f"{names[concern.worker]} works in day care. She notices a concern about "
        f"{child.name}, {child.age_on(concern.noticed_on)} years old:"
    )
    lines += [f"  - {w}" for w in concern.worries]
    lines.append("What is going well:")
    lines += [f"  + {s}" for s in concern.strengths]
    lines.append("Her own assessment on the zones of concern, over time:")
    lines += [
        f"  {a.on}: {a.zone.label('en')}; own means {a.own_means.label('en')}"
        for a in concern.assessments
    ]
    dialogue, follow_up = story.meetings
    lines.append(
        f"On {dialogue.held_on} an anticipation dialogue is held. Taking part: "
        + ", ".join(f"{names[p.person]} ({p.role.label('en')})" for p in dialogue.participants)
    )
    lines.append("The plan: what is done next, by whom, with whom and when")
    for item in story.plans[0].items:
        helpers = ", ".join(sorted(names[p] for p in item.with_whom)) or "-"
        lines.append(
            f"  * {item.what} - {names[item.responsible]} with {helpers}, by {item.due}: "
            f"{item.status.label('en')}"
        )
    present = ", ".join(names[p.person] for p in follow_up.with_role(MeetingRole.CLOSE_NETWORK))
    lines.append(f"Follow-up on {follow_up.held_on} with {present}.")
    lines.append(
        f"The close network grew from {len(before.members)} to {len(after.members)} people; "
        f"inner ring {len(before.in_ring(Ring.INNER))} -> {len(after.in_ring(Ring.INNER))}."
    )
    lines.append(f"The worker's worry now: {concern.current.zone.label('en')}.")
    return "\n".join(lines)


def run_demo(out: Path | None) -> str:
    """Build the story, write its files into *out* (if given) and return the text to print."""
    story = vaaralampi_story()
    text = story_text(story)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "story.json").write_text(dumps(story, indent=2) + "\n", encoding="utf-8")
        text += f"\n\nWrote {out / 'story.json'}"
    return text
