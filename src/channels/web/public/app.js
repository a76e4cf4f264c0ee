// Fieldmate web chat: plain browser script, no build step.
// Rule for everything below: message text only ever goes into textContent, never into HTML.

// Who is chatting comes from the server: a signed-in session (an HttpOnly cookie this script never
// sees), or in demo mode the person picked here.
const STORAGE_PERSON = "fieldmate.person";
const MAX_TEXT_CHARS = 4000;
const ROLE_ORDER = { supervisor: 0, manager: 1, admin: 2 };

const state = {
  /** true once the server said this page has a session: no picker, a sign-out button. */
  signedIn: false,
  people: [],
  person: null,
  events: null,
  // Messages go out one after another, so replies arrive in the order the person wrote.
  queue: Promise.resolve(),
};

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function show(view) {
  for (const id of ["loading-view", "signin-view", "picker-view", "chat-view"]) $(id).hidden = id !== view;
  $("who").hidden = view !== "chat-view";
  $("switch-person").hidden = state.signedIn;
  $("sign-out").hidden = !state.signedIn;
}

// ---- Texts -------------------------------------------------------------------
// Every word the page says comes from /texts.js ({zh: {...}, en: {...}}), which the server builds
// from its message catalogue; the first language is the roster's default.

const TEXTS = window.FIELDMATE_TEXTS;
const LANGS = Object.keys(TEXTS);
/** Names and teams sort as the first language sorts them. */
const COLLATION = LANGS[0];

/** One text in every language, side by side: what the page says before it knows who is reading. */
function every(pick) {
  return LANGS.map((lang) => pick(TEXTS[lang])).join(" / ");
}

/** One text in a person's own language. */
function own(person, pick) {
  return TEXTS[person.lang] ? pick(TEXTS[person.lang]) : every(pick);
}

/** Fills {name}-style gaps in a text. */
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (gap, key) => (key in values ? String(values[key]) : gap));
}

function roleLabel(role) {
  return TEXTS[LANGS[0]].roles[role] ? every((t) => t.roles[role]) : role;
}

const TEXT_ATTRIBUTES = { textTitle: "title", textPlaceholder: "placeholder", textAriaLabel: "aria-label" };

/**
 * Fills the page's static elements: data-text (content), data-text-title, -placeholder, -aria-label.
 * Content shows the first language, the others dimmed after it ("inline", "lines" or "stacked").
 */
function applyTexts() {
  for (const node of document.querySelectorAll("[data-text]")) {
    const key = node.dataset.text;
    const [first, ...others] = LANGS.map((lang) => TEXTS[lang][key]);
    const layout = node.dataset.textLayout || "inline";
    node.replaceChildren(first);
    for (const other of others) {
      if (layout === "lines") node.append(el("br"));
      node.append(el("span", "alt", (layout === "inline" ? " / " : "") + other));
    }
  }
  for (const node of document.querySelectorAll("[data-text-title], [data-text-placeholder], [data-text-aria-label]")) {
    for (const [data, attribute] of Object.entries(TEXT_ATTRIBUTES)) {
      const key = node.dataset[data];
      if (key)
        node.setAttribute(
          attribute,
          every((t) => t[key]),
        );
    }
  }
}

// ---- API -------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** fetch on this origin (the session cookie goes along); throws ApiError for HTTP errors, a TypeError when the network failed. */
async function api(path, options = {}) {
  const res = await fetch(path, Object.assign({ credentials: "same-origin" }, options));
  let body = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: keep null and fall back to the status below
  }
  if (!res.ok) {
    throw new ApiError(res.status, body?.error, body?.message || `HTTP ${res.status}`);
  }
  return body;
}

/** A client id for one message, reused on retries. randomUUID needs HTTPS, phones on the LAN use HTTP. */
function newMessageId() {
  if (window.crypto && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Only http(s) links. Our /files/ links carry their own signature: nothing to add. */
function safeUrl(raw) {
  let url;
  try {
    url = new URL(String(raw), location.href);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.href;
}

// ---- Start, sign-in, person picker --------------------------------------------

async function start() {
  show("loading-view");
  let session;
  try {
    session = await api("/api/session");
    if (!session.person && session.demoMode) state.people = (await api("/api/people")).people;
  } catch (err) {
    $("loading-view").textContent = `${every((t) => t.cannotConnect)}: ${err.message}`;
    return;
  }
  state.signedIn = Boolean(session.person);
  if (session.person) return openChat(session.person);
  if (!session.demoMode) return showSignIn(session.deactivated ? every((t) => t.deactivated) : "");
  const saved = localStorage.getItem(STORAGE_PERSON);
  const person = state.people.find((p) => p.id === saved);
  if (person) openChat(person);
  else showPicker();
}

/** Outside demo mode without a session: how to get a sign-in link. */
function showSignIn(error) {
  closeEvents();
  state.person = null;
  state.signedIn = false;
  $("signin-error").textContent = error || "";
  show("signin-view");
}

$("sign-out").addEventListener("click", async () => {
  try {
    await api("/api/sign-out", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  } catch {
    // Signed out or not, the page forgets the chat; the next request would be refused anyway.
  }
  state.signedIn = false;
  start();
});

function showPicker() {
  closeEvents();
  state.person = null;
  renderPeople($("picker-filter").value);
  show("picker-view");
}

function renderPeople(filter) {
  const needle = filter.trim().toLowerCase();
  const teams = new Map();
  for (const p of state.people) {
    const team = p.team || every((t) => t.noTeam);
    if (needle && !`${p.name} ${team} ${p.id}`.toLowerCase().includes(needle)) continue;
    if (!teams.has(team)) teams.set(team, []);
    teams.get(team).push(p);
  }
  const container = $("people");
  container.replaceChildren();
  for (const team of [...teams.keys()].sort((a, b) => a.localeCompare(b, COLLATION))) {
    const group = el("section", "team");
    group.append(el("h3", "team-name", team));
    const list = el("ul", "person-list");
    const members = teams
      .get(team)
      .sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.name.localeCompare(b.name, COLLATION));
    for (const p of members) {
      const button = el("button", "person");
      button.type = "button";
      button.dataset.personId = p.id;
      button.append(el("span", "person-name", p.name), el("span", "person-role", roleLabel(p.role)));
      button.addEventListener("click", () => {
        localStorage.setItem(STORAGE_PERSON, p.id);
        openChat(p);
      });
      const item = el("li");
      item.append(button);
      list.append(item);
    }
    group.append(list);
    container.append(group);
  }
  if (!teams.size)
    container.append(
      el(
        "p",
        "hint",
        every((t) => t.nobodyMatches),
      ),
    );
}

$("picker-filter").addEventListener("input", (event) => renderPeople(event.target.value));
$("switch-person").addEventListener("click", () => {
  localStorage.removeItem(STORAGE_PERSON);
  showPicker();
});

// ---- Chat --------------------------------------------------------------------

function openChat(person) {
  state.person = person;
  $("who-name").textContent = person.name;
  $("messages").replaceChildren();
  addNote(
    fill(
      own(person, (t) => t.greeting),
      { name: person.name },
    ),
  );
  show("chat-view");
  connectEvents(person);
  showTodaysPushes(person);
  $("text").focus();
}

/** Pushes delivered before the page was opened (this morning's plan) appear first. */
async function showTodaysPushes(person) {
  try {
    const body = await api(`/api/pushes?person=${encodeURIComponent(person.id)}`);
    if (state.person !== person) return;
    for (const push of body.pushes) renderReplies(push.replies, true);
  } catch {
    // Not fatal: live pushes still arrive; the chat works without the morning's history.
  }
}

function timeLabel() {
  return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function append(item) {
  const list = $("messages");
  list.append(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function addNote(text, className) {
  return append(el("li", `note ${className || ""}`, text));
}

function addUserBubble(text) {
  const item = el("li", "msg user");
  item.append(el("div", "bubble text", text), el("time", "time", timeLabel()));
  return append(item);
}

function addBotBubble(reply, pushed) {
  const item = el("li", `msg bot${pushed ? " pushed" : ""}`);
  item.dataset.kind = reply.kind;
  const bubble = el("div", "bubble");
  if (pushed)
    bubble.append(
      el(
        "div",
        "push-label",
        every((t) => t.pushed),
      ),
    );
  bubble.append(renderReply(reply));
  item.append(bubble, el("time", "time", timeLabel()));
  return append(item);
}

function renderReplies(replies, pushed) {
  for (const reply of replies || []) addBotBubble(reply, pushed);
}

function renderReply(reply) {
  switch (reply.kind) {
    case "text":
      return el("div", "text", reply.text);
    case "choices": {
      const box = el("div", "choices-reply");
      box.append(el("div", "text", reply.text), actionButtons(reply.choices, "choices"));
      return box;
    }
    case "card":
      return renderCard(reply);
    case "image": {
      const figure = el("figure", "image");
      const src = safeUrl(reply.url);
      if (src) {
        const img = el("img");
        img.src = src;
        img.alt = reply.title || "";
        img.loading = "lazy";
        figure.append(img);
      }
      figure.append(el("figcaption", null, reply.title));
      return figure;
    }
    case "file": {
      const href = safeUrl(reply.url);
      if (!href) return el("div", "text", reply.title);
      const link = el("a", "file", `📎 ${reply.title || reply.filename}`);
      link.href = href;
      link.download = reply.filename || "";
      return link;
    }
    default:
      // A reply kind this page does not know yet: show its text if it has any rather than nothing.
      return el("div", "text", typeof reply.text === "string" ? reply.text : "");
  }
}

function renderCard(card) {
  const box = el("article", "card");
  box.append(el("h3", "card-title", card.title));
  if (card.lines?.length) {
    const lines = el("dl", "card-lines");
    for (const line of card.lines) {
      const row = el("div", "card-line");
      row.append(el("dt", null, line.label), el("dd", null, line.value));
      lines.append(row);
    }
    box.append(lines);
  }
  if (card.footer) box.append(el("p", "card-footer", card.footer));
  if (card.actions?.length) box.append(actionButtons(card.actions, "actions"));
  return box;
}

/** Buttons that send their choice's value as if typed; one answer per question, so the group locks. */
function actionButtons(choices, className) {
  const group = el("div", className);
  for (const choice of choices) {
    const button = el("button", "choice", choice.label);
    button.type = "button";
    button.dataset.value = choice.value;
    button.addEventListener("click", () => {
      for (const b of group.querySelectorAll("button")) b.disabled = true;
      button.classList.add("chosen");
      send(choice.value);
    });
    group.append(button);
  }
  return group;
}

/** Sends what is not text (a voice note, photo or location): `content` is the API's field, `label` the bubble. */
function sendContent(content, label) {
  if (!state.person) return;
  enqueue({ bubble: addUserBubble(label), content, messageId: newMessageId(), personId: state.person.id });
}

function send(text) {
  if (!state.person || text.trim() === "") return;
  if ([...text].length > MAX_TEXT_CHARS) {
    addNote(
      fill(
        every((t) => t.tooLong),
        { max: MAX_TEXT_CHARS },
      ),
      "error",
    );
    return;
  }
  const bubble = addUserBubble(text);
  enqueue({ bubble, content: { text }, messageId: newMessageId(), personId: state.person.id });
}

/** Chains deliveries; a failure to show one answer must not stop the messages after it. */
function enqueue(job) {
  state.queue = state.queue
    .then(() => deliver(job))
    .catch((err) => addNote(`${every((t) => t.displayError)}: ${err.message}`, "error"));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts one message; retries network failures with the same id, which the bot recognises as a repeat. */
async function deliver(job) {
  job.bubble.classList.remove("failed");
  job.bubble.classList.add("pending");
  for (let attempt = 0; ; attempt++) {
    try {
      const body = await api("/api/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(Object.assign({ from: job.personId, messageId: job.messageId }, job.content)),
      });
      job.bubble.classList.remove("pending");
      if (state.person && state.person.id === job.personId) renderReplies(body.replies, false);
      return;
    } catch (err) {
      const transient = !(err instanceof ApiError) || [502, 503, 504].includes(err.status);
      if (transient && attempt < 2) {
        await sleep(1000 * (attempt + 1));
        continue;
      }
      job.bubble.classList.remove("pending");
      job.bubble.classList.add("failed");
      if (err instanceof ApiError && err.status === 401) return showSignIn(every((t) => t.signedOut));
      if (err instanceof ApiError && err.code === "deactivated") return showSignIn(every((t) => t.deactivated));
      const note = addNote(`${every((t) => t.notSent)}: ${err.message} `, "error");
      if (transient || (err instanceof ApiError && err.status >= 500)) {
        const retry = el(
          "button",
          "link",
          every((t) => t.retry),
        );
        retry.type = "button";
        retry.addEventListener("click", () => {
          note.remove();
          enqueue(job);
        });
        note.append(retry);
      }
      return;
    }
  }
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const box = $("text");
  const text = box.value;
  if (text.trim() === "") return;
  send(text);
  box.value = "";
  autosize();
  box.focus();
});

$("text").addEventListener("keydown", (event) => {
  // Enter sends, Shift+Enter breaks the line; Enter that confirms a Chinese IME candidate must not send.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});

function autosize() {
  const box = $("text");
  box.style.height = "auto";
  box.style.height = `${Math.min(box.scrollHeight, 160)}px`;
}
$("text").addEventListener("input", autosize);

// ---- Live pushes -------------------------------------------------------------

function connectEvents(person) {
  closeEvents();
  const source = new EventSource(`/api/events?person=${encodeURIComponent(person.id)}`);
  const live = $("live");
  live.dataset.state = "connecting";
  source.onopen = () => (live.dataset.state = "open");
  // EventSource reconnects by itself; the dot only tells the person pushes may be late.
  source.onerror = () => (live.dataset.state = source.readyState === EventSource.CLOSED ? "closed" : "connecting");
  source.onmessage = (event) => {
    let payload;
    try {
      payload = JSON.parse(event.data);
    } catch {
      return;
    }
    renderReplies(payload.replies, true);
  };
  state.events = source;
}

function closeEvents() {
  if (state.events) state.events.close();
  state.events = null;
}

applyTexts();
start();

// ---- Voice, photo, check-in ----------------------------------------------------

/** A text in the chatting person's language. */
function mine(pick) {
  return state.person ? own(state.person, pick) : every(pick);
}

/** The base64 of a Blob (the API takes media as base64 in JSON). */
function base64Of(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

// Hold to talk: record while the button is held (MediaRecorder, WebM/Opus where the browser has it).
const recording = { recorder: null, chunks: [], stream: null, held: false };

async function startTalking(event) {
  event.preventDefault();
  if (recording.recorder || !state.person) return;
  recording.held = true;
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch {
    recording.held = false;
    addNote(
      mine((t) => t.micDenied),
      "error",
    );
    return;
  }
  // Let go while the browser was still asking: nothing to send.
  if (!recording.held) {
    for (const track of stream.getTracks()) track.stop();
    return;
  }
  const type = ["audio/webm;codecs=opus", "audio/webm", "audio/mp4"].find(
    (t) => window.MediaRecorder && MediaRecorder.isTypeSupported(t),
  );
  const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
  recording.recorder = recorder;
  recording.stream = stream;
  recording.chunks = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) recording.chunks.push(e.data);
  };
  recorder.onstop = async () => {
    for (const track of stream.getTracks()) track.stop();
    const blob = new Blob(recording.chunks, { type: recorder.mimeType || "audio/webm" });
    recording.recorder = null;
    $("talk").classList.remove("recording");
    $("talk").textContent = mine((t) => t.holdToTalk);
    if (blob.size === 0)
      return addNote(
        mine((t) => t.micDenied),
        "error",
      );
    sendContent(
      { voice: { mime: blob.type, data: await base64Of(blob) } },
      mine((t) => t.voiceSent),
    );
  };
  recorder.start();
  $("talk").classList.add("recording");
  $("talk").textContent = mine((t) => t.recording);
}

function stopTalking() {
  recording.held = false;
  if (recording.recorder && recording.recorder.state === "recording") recording.recorder.stop();
}

$("talk").addEventListener("pointerdown", startTalking);
$("talk").addEventListener("pointerup", stopTalking);
$("talk").addEventListener("pointerleave", stopTalking);
$("talk").addEventListener("pointercancel", stopTalking);

// A photo: the phone's camera (capture="environment") or a picture already taken.
$("take-photo").addEventListener("click", () => $("photo").click());
$("photo").addEventListener("change", async (event) => {
  const file = event.target.files?.[0];
  event.target.value = "";
  if (!file) return;
  let data;
  try {
    data = await base64Of(file);
  } catch {
    return addNote(
      mine((t) => t.photoUnreadable),
      "error",
    );
  }
  // The server checks the content itself; the claimed type is only a hint.
  sendContent(
    { image: { mime: file.type || "image/jpeg", data } },
    mine((t) => t.photoSent),
  );
});

// Check in: the browser's location, sent as it is; the bot finds the nearest shop.
$("check-in").addEventListener("click", () => {
  if (!navigator.geolocation)
    return addNote(
      mine((t) => t.locationDenied),
      "error",
    );
  navigator.geolocation.getCurrentPosition(
    (position) =>
      sendContent(
        { location: { lat: position.coords.latitude, lng: position.coords.longitude } },
        mine((t) => t.locationSent),
      ),
    () =>
      addNote(
        mine((t) => t.locationDenied),
        "error",
      ),
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
  );
});
