// Reads Argdown on standard input, runs the real Argdown parser and model builder
// (@argdown/core) and prints what they found as JSON: errors, front matter, statements
// (title, text of the defining member, tags, data) and relations (from, to, type).
// argmap's tests use it to check the Argdown export.
const { ArgdownApplication, ParserPlugin, ModelPlugin, DataPlugin } = require("@argdown/core");

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new DataPlugin(), "build-model");
app.addPlugin(new ModelPlugin(), "build-model");
const input = require("fs").readFileSync(0, "utf8");
const res = app.run({ process: ["parse-input", "build-model"], input, logLevel: "error" });
const statements = Object.values(res.statements || {}).map((s) => {
  const defined = s.members.filter((m) => m.text !== undefined && m.text !== "");
  const m = defined[defined.length - 1];
  return { title: s.title, text: m ? m.text : "", tags: s.tags || [], data: s.data || null };
});
const relations = (res.relations || []).map((r) => ({ from: r.from.title, to: r.to.title, type: r.relationType }));
process.stdout.write(JSON.stringify({
  lexerErrors: (res.lexerErrors || []).map((e) => e.message),
  parserErrors: (res.parserErrors || []).map((e) => e.message),
  frontMatter: res.frontMatter || null,
  statements,
  relations,
}));
