/**
 * A person's open conversation, kept in the database so a restart between a question and its
 * answer loses nothing. Three methods, as grammY's session storage: read, write, delete.
 */
import type { Db } from "../store/database.js";

export class DialogueStore<S> {
  constructor(private readonly db: Db) {}

  async read(personId: string): Promise<S | null> {
    const row = await this.db.dialogueState.findUnique({ where: { personId } });
    return row ? (JSON.parse(row.state) as S) : null;
  }

  async write(personId: string, state: S): Promise<void> {
    const json = JSON.stringify(state);
    await this.db.dialogueState.upsert({ where: { personId }, create: { personId, state: json }, update: { state: json } });
  }

  async delete(personId: string): Promise<void> {
    await this.db.dialogueState.deleteMany({ where: { personId } });
  }
}
