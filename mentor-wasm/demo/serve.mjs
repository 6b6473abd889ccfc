// A tiny static server for the demo: serves mentor-wasm/ (the page in demo/, the browser build
// in pkg/web/) on 127.0.0.1. `node mentor-wasm/demo/serve.mjs [--port N]` (default 8080, or the
// PORT variable; 0 picks a free port). Prints the page's address on its first line.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

const flag = process.argv.indexOf("--port");
const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PORT ?? 8080));

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/" || url.pathname === "/demo") {
    response.writeHead(302, { location: "/demo/" });
    response.end();
    return;
  }
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  // Only files under mentor-wasm/, and none of its tooling.
  if (!(path + sep).startsWith(root + sep) || path.includes(`${sep}node_modules${sep}`) || path.includes(`${sep}.`)) {
    response.writeHead(404).end("not found");
    return;
  }
  try {
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    const info = await stat(path);
    response.writeHead(200, {
      "content-type": TYPES[extname(path)] ?? "application/octet-stream",
      "content-length": info.size,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    createReadStream(path).pipe(response);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
});

server.listen(port, "127.0.0.1", () => {
  const { port: actual } = server.address();
  console.log(`serving the demo at http://127.0.0.1:${actual}/demo/ (Ctrl+C to stop)`);
});
