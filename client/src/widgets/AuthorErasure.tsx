// "Hapus semua komentar penulis ini" (UU PDP right to erasure, admins): a resident asks the village
// office to delete what they wrote. The server finds the author through this comment, so no
// pseudonym or id is ever on screen; the office first reads how many comments go, published when,
// and confirms — nothing is deleted before that.
import { useEffect, useId, useRef, useState } from "react";
import type { AuthorErasurePreviewDTO } from "@suara-desa/shared/contracts";
import { localDay } from "@suara-desa/shared/time";
import { ApiError } from "../api/client";
import { eraseCommentAuthor, fetchAuthorErasure } from "../api/hooks";
import { useI18n, type MessageKey } from "../i18n";
import { useErrorWords } from "./StatusViews";

export interface AuthorErasureProps {
  commentId: number;
  /** The village's time zone: the confirmation names local publication dates. */
  timeZone: string;
  /** Called with the number of comments deleted (the caller closes the detail and says so). */
  onErased(deleted: number): void;
}

type Step =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "confirm"; preview: AuthorErasurePreviewDTO }
  | { kind: "deleting"; preview: AuthorErasurePreviewDTO }
  | { kind: "error"; message: string };

/** The erase button, then the confirmation naming what would be deleted, then the deletion. */
export function AuthorErasure({ commentId, timeZone, onErased }: AuthorErasureProps) {
  const { t, fmt } = useI18n();
  const words = useErrorWords();
  const uid = useId();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const cancelRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirming = step.kind === "confirm";
  // The safe choice takes the focus when the question appears, so Enter never deletes by accident.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  // A comment erased meanwhile (another admin, the nightly deletion) answers 404: say so plainly.
  const failure = (e: unknown, key: "erase.previewFailed" | "erase.failed") =>
    e instanceof ApiError && e.status === 404 ? t("erase.gone") : t(key, { message: words(e) });

  const start = async () => {
    setStep({ kind: "checking" });
    try {
      setStep({ kind: "confirm", preview: await fetchAuthorErasure(commentId) });
    } catch (e) {
      setStep({ kind: "error", message: failure(e, "erase.previewFailed") });
    }
  };

  const erase = async (preview: AuthorErasurePreviewDTO) => {
    setStep({ kind: "deleting", preview });
    try {
      onErased((await eraseCommentAuthor(commentId)).deleted);
    } catch (e) {
      setStep({ kind: "error", message: failure(e, "erase.failed") });
    }
  };

  const cancel = () => {
    setStep({ kind: "idle" });
    // Back to the button that opened the question (rendered again on the next frame).
    requestAnimationFrame(() => startRef.current?.focus());
  };

  const question = (p: AuthorErasurePreviewDTO): string => {
    const [from, to] = [localDay(new Date(p.firstAt), timeZone), localDay(new Date(p.lastAt), timeZone)];
    const count = fmt.number(p.comments);
    const platform = t(`platform.${p.platform}` as MessageKey);
    return from === to ? t("erase.confirmDay", { count, platform, date: fmt.date(from) }) : t("erase.confirmRange", { count, platform, from: fmt.date(from), to: fmt.date(to) });
  };

  return (
    <section className="detail-block" aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`}>{t("erase.title")}</h4>
      <p className="muted">{t("erase.help")}</p>
      {(step.kind === "confirm" || step.kind === "deleting") ? (
        <div className="erase-confirm" role="group" aria-labelledby={`${uid}-question`}>
          <p id={`${uid}-question`}>{question(step.preview)}</p>
          {step.preview.byNameOnly && <p className="tone-bad">{t("erase.byNameOnly")}</p>}
          <div className="correction-actions">
            <button type="button" className="button button-danger" disabled={step.kind === "deleting"} onClick={() => void erase(step.preview)}>
              {step.kind === "deleting" ? t("erase.deleting") : t("erase.confirm", { count: fmt.number(step.preview.comments) })}
            </button>
            <button type="button" className="button" ref={cancelRef} disabled={step.kind === "deleting"} onClick={cancel}>
              {t("erase.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" ref={startRef} disabled={step.kind === "checking"} aria-busy={step.kind === "checking"} onClick={() => void start()}>
          {step.kind === "checking" ? t("erase.checking") : t("erase.start")}
        </button>
      )}
      {step.kind === "error" && <p className="source-error" role="alert">{step.message}</p>}
    </section>
  );
}
