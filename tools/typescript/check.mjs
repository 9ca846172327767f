// Generate TypeScript types from openco's JSON Schemas, then compile them with tsc --strict,
// together with typed constants holding example documents, so that the schemas are shown to be
// usable outside Python and the types to accept real documents.
//
//   node tools/typescript/check.mjs SCHEMA_DIR OUT_DIR [EXAMPLES_DIR]
//
// SCHEMA_DIR holds <kind>.schema.json files; OUT_DIR receives <kind>.ts and examples.ts;
// EXAMPLES_DIR, if given, is a conformance suite (openco conformance --out DIR) whose
// <kind>/valid-NN.json documents are typed as their kind's document. Exit status 1 on any
// compile error (printed), 0 otherwise. Run `npm ci` in tools/typescript first.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";
import ts from "typescript";

const [schemaDir, outDir, examplesDir] = process.argv.slice(2);
if (!schemaDir || !outDir) {
  console.error("usage: node check.mjs SCHEMA_DIR OUT_DIR [EXAMPLES_DIR]");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const typeName = (title) =>
  title.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");

const files = [];
const rootTypes = {};
for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json")).sort()) {
  const kind = name.replace(".schema.json", "");
  const schema = JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
  const code = await compile(schema, typeName(schema.title), {
    bannerComment: `// Generated from ${name} by tools/typescript/check.mjs: do not edit.`,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: false,
  });
  const file = join(outDir, `${kind}.ts`);
  writeFileSync(file, code);
  files.push(file);
  rootTypes[kind] = typeName(schema.title);
}

if (examplesDir) {
  const lines = [];
  let count = 0;
  for (const kind of Object.keys(rootTypes)) {
    const folder = join(examplesDir, kind);
    if (!existsSync(folder)) continue;
    lines.push(`import type { ${rootTypes[kind]} } from "./${kind}.js";`);
    for (const name of readdirSync(folder).filter((n) => /^valid-\d+\.json$/.test(n)).sort()) {
      const text = readFileSync(join(folder, name), "utf8");
      lines.push(`export const example${count++}: ${rootTypes[kind]} = ${text.trim()};`);
    }
  }
  const file = join(outDir, "examples.ts");
  writeFileSync(file, lines.join("\n") + "\n");
  files.push(file);
  console.log(`typed ${count} example documents`);
}

const program = ts.createProgram(files, {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
});
const diagnostics = ts.getPreEmitDiagnostics(program);
for (const d of diagnostics.slice(0, 50)) {
  const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
  console.error(where + ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
console.log(`compiled ${files.length} files with TypeScript ${ts.version}: ${diagnostics.length} errors`);
process.exit(diagnostics.length ? 1 : 0);
