// Run before `npm start` and `npm test`: on a Node older than the toolkit's tools need, stop
// with one line instead of a stack trace from deep inside a dependency. CommonJS and old syntax
// on purpose, so that it runs on any Node it may meet.
"use strict";
var parts = process.versions.node.split(".").map(Number);
if (parts[0] < 22 || (parts[0] === 22 && parts[1] < 13)) {
  console.error(
    "sd-toolkit needs Node 22.13 or later (24 LTS recommended); this is Node " +
      process.version +
      ". See CONTRIBUTING.md, or run `. .ci/node.sh` to put Node 24 first on PATH.",
  );
  process.exit(1);
}
