/**
 * A chat world (real bot, real SQLite with the test roster) whose reports are read through
 * createUnderstand against the local stub, with the bot's logs captured as JSON lines.
 */
import type { Config } from "../../../../src/config/config.js";
import { createLogger } from "../../../../src/log.js";
import { createUnderstand, type Understand, type UnderstandOptions } from "../../../../src/parse/llm/index.js";
import { RosterStore } from "../../../../src/store/roster-store.js";
import { type ChatWorld, chatWorld } from "../../../support/chat.js";
import { type OpenAiStub, startOpenAiStub } from "./openai-stub.js";

export interface LlmWorld {
  chat: ChatWorld;
  stub: OpenAiStub;
  understand: Understand;
  logs: Record<string, any>[];
  close(): Promise<void>;
}

export async function llmWorld(
  settings: { mode?: "llm" | "hybrid"; timeoutMs?: number } & UnderstandOptions = {},
): Promise<LlmWorld> {
  const stub = await startOpenAiStub();
  const logs: Record<string, any>[] = [];
  const logger = createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config: Pick<Config, "LLM_BASE_URL" | "LLM_API_KEY" | "LLM_MODEL" | "LLM_TIMEOUT_MS" | "PARSE_MODE"> = {
    LLM_BASE_URL: stub.baseURL,
    LLM_API_KEY: "test-key",
    LLM_MODEL: "qwen-test",
    LLM_TIMEOUT_MS: settings.timeoutMs ?? 3000,
    PARSE_MODE: settings.mode ?? "hybrid",
  };
  let understand: Understand | undefined;
  const chat = await chatWorld([], {
    understand: (db) => (understand = createUnderstand(config, logger, () => new RosterStore(db).roster(), settings)),
  });
  if (!understand) throw new Error("the chat world did not build its reader");
  return {
    chat,
    stub,
    understand,
    logs,
    async close() {
      await stub.close();
      await chat.close();
    },
  };
}
