/**
 * Serves the chat page's own files (HTML, JS, CSS) from one folder, and nothing outside it.
 */
import { readFile, stat } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** The page's folder, found beside this module so it works from any working directory. */
export const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));

/**
 * Decodes a URL path into plain relative segments, or null when it could climb out of its folder
 * (`..`, backslashes, NUL, malformed escapes) or names a hidden file.
 */
export function safeRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.length === 0 || segments.some((s) => s === ".." || s.startsWith("."))) return null;
  return segments.join("/");
}

/** The file `urlPath` names inside `root`, or null when the path is unsafe. */
function resolveInside(root: string, urlPath: string): string | null {
  const relative = safeRelativePath(urlPath);
  if (relative === null) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  // Belt and braces: even a path that passed the checks must land inside the folder.
  return file.startsWith(base + path.sep) ? file : null;
}

/** Serves `urlPath` from `root` (`/` is index.html); returns false when there is no such file. */
export async function serveStatic(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  root: string,
  urlPath: string,
): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const file = resolveInside(root, urlPath === "/" ? "/index.html" : urlPath);
  if (!file) return false;
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!type) return false; // only the kinds of file the page is made of
  try {
    if (!(await stat(file)).isFile()) return false;
  } catch {
    return false;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    "Content-Type": type,
    "Content-Length": body.length,
    // No build step and no hashed names: let the browser revalidate, so a deploy shows at once.
    "Cache-Control": "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
