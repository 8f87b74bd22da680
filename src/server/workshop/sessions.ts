/**
 * Workshop sessions: a facilitator opens one for a lesson and gets a short code; participants join
 * with the code and submit a scenario with a justification; the facilitator reads all submissions
 * and shows one to the room. Kept in memory (a workshop lasts hours; a restart ends it), with limits
 * that say so before they allocate.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ApiError, notFound } from '../errors.js';

export interface Submission {
  id: string;
  participant: string;
  justification: string;
  params: Record<string, number>;
  createdAt: string;
}

export interface Workshop {
  code: string;
  modelId: string;
  lessonId: string;
  createdAt: string;
  /** The submission shown to the room, if any. */
  shown?: string;
  submissions: Submission[];
}

export const MAX_WORKSHOPS = 200;
export const MAX_SUBMISSIONS = 300;
/** Codes without 0/O and 1/I, so they are read out loud without mistakes. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class WorkshopStore {
  private readonly workshops = new Map<string, Workshop & { token: string }>();

  create(modelId: string, lessonId: string): { workshop: Workshop; facilitatorToken: string } {
    if (this.workshops.size >= MAX_WORKSHOPS) {
      // The oldest workshop makes room: sessions are for one training day.
      const oldest = this.workshops.keys().next().value as string;
      this.workshops.delete(oldest);
    }
    let code = '';
    do code = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    while (this.workshops.has(code));
    const token = randomBytes(24).toString('base64url');
    const w = { code, modelId, lessonId, createdAt: new Date().toISOString(), submissions: [], token };
    this.workshops.set(code, w);
    return { workshop: this.public(w), facilitatorToken: token };
  }

  get(code: string): Workshop {
    return this.public(this.find(code));
  }

  submit(code: string, s: Omit<Submission, 'id' | 'createdAt'>): Submission {
    const w = this.find(code);
    if (w.submissions.length >= MAX_SUBMISSIONS) throw new ApiError(429, 'WORKSHOP_FULL', { en: `this workshop already has ${MAX_SUBMISSIONS} submissions`, es: `este taller ya tiene ${MAX_SUBMISSIONS} envíos` });
    const sub = { ...s, id: `${w.submissions.length + 1}`, createdAt: new Date().toISOString() };
    w.submissions.push(sub);
    return sub;
  }

  /** Submissions are the facilitator's to read; participants see only the one shown to the room. */
  submissions(code: string, token: string | undefined): Submission[] {
    const w = this.find(code);
    this.checkFacilitator(w, token);
    return w.submissions;
  }

  show(code: string, token: string | undefined, id: string | null): Workshop {
    const w = this.find(code);
    this.checkFacilitator(w, token);
    if (id !== null && !w.submissions.some((s) => s.id === id)) throw notFound({ en: `submission ${id}`, es: `el envío ${id}` });
    w.shown = id ?? undefined;
    return this.public(w);
  }

  private find(code: string): Workshop & { token: string } {
    const w = this.workshops.get(code.toUpperCase());
    if (!w) throw notFound({ en: `workshop ${code}`, es: `el taller ${code}` });
    return w;
  }

  private checkFacilitator(w: { token: string }, token: string | undefined): void {
    const a = Buffer.from(w.token);
    const b = Buffer.from(token ?? '');
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ApiError(403, 'FORBIDDEN', { en: 'only the workshop\'s facilitator may do this', es: 'solo quien facilita el taller puede hacer esto' });
  }

  /** What anyone with the code may read: the shown submission, never the others. */
  private public(w: Workshop & { token: string }): Workshop & { shownSubmission?: Submission } {
    const shownSubmission = w.shown ? w.submissions.find((s) => s.id === w.shown) : undefined;
    return { code: w.code, modelId: w.modelId, lessonId: w.lessonId, createdAt: w.createdAt, shown: w.shown, submissions: [], ...(shownSubmission ? { shownSubmission } : {}) };
  }
}
