// One hook per endpoint. The request URL (built with every parameter that changes the request) is
// the cache key, so two filter states can never share an entry.
import { useCallback, useEffect, useState } from "react";
import type {
  AuthorErasureDTO,
  AuthorErasurePreviewDTO,
  CaseDetailDTO,
  CaseListDTO,
  CaseStatus,
  CaseUpdateInput,
  Intent,
  Platform,
  BackgroundJobsDTO,
  CommentDetailDTO,
  CommentDTO,
  CommentLabelsInput,
  CommentListDTO,
  MetaPageChoiceDTO,
  OAuthProvidersDTO,
  OverviewDTO,
  SourceDTO,
  UserDTO,
  AuditEntryDTO,
  TopicDetailDTO,
  RetagStatusDTO,
  TopicDTO,
  VillageComparisonDTO,
  VillageDTO,
  VillageSettingsDTO,
  WeeklyInsightsDTO,
} from "@suara-desa/shared/contracts";
import { buildUrl, getJson, sendJson } from "./client";
import { queryCache, type QueryState } from "./queryCache";
import { useQuery, type QueryResult } from "./useQuery";
import { filtersToParams, type ExplorerFilters } from "../pages/explorerFilters";

export type Overview = OverviewDTO;

async function dataOf<T>(url: string): Promise<T> {
  return (await getJson<{ data: T }>(url)).data;
}

/** All villages the dashboard can show. */
export function useVillages(): QueryResult<VillageDTO[]> {
  const url = buildUrl("/api/villages");
  return useQuery(url, () => dataOf<VillageDTO[]>(url));
}

/** Every village the user may read, side by side for a week (undefined: the latest week with data). */
export function useComparison(week: string | undefined): QueryResult<VillageComparisonDTO> {
  const url = buildUrl("/api/comparison", { week });
  return useQuery(url, () => dataOf<VillageComparisonDTO>(url));
}

/** The weekly overview; `week` undefined means the server's latest week with data. */
export function useOverview(villageId: number | null, week: string | undefined): QueryResult<Overview> {
  const url = villageId === null ? null : buildUrl(`/api/villages/${villageId}/overview`, { week });
  return useQuery(url, () => dataOf<Overview>(url!));
}

/** Rising terms, comments needing attention and activity for a week (pass the resolved week). */
export function useInsights(villageId: number | null, week: string | null): QueryResult<WeeklyInsightsDTO> {
  const url = villageId === null || week === null ? null : buildUrl(`/api/villages/${villageId}/insights`, { week });
  return useQuery(url, () => dataOf<WeeklyInsightsDTO>(url!));
}

/** One topic's page data for a week (undefined: latest week with data). */
export function useTopicDetail(villageId: number | null, key: string, week: string | undefined): QueryResult<TopicDetailDTO> {
  const url = villageId === null ? null : buildUrl(`/api/villages/${villageId}/topics/${encodeURIComponent(key)}`, { week });
  return useQuery(url, () => dataOf<TopicDetailDTO>(url!));
}

/** A comment with its post, thread and correction history; null id waits. */
export function useCommentDetail(commentId: number | null, opts: { raw?: boolean } = {}): QueryResult<CommentDetailDTO> {
  // raw=1: unredacted names, numbers and links for admins and pimpinan; every such view is audited.
  const url = commentId === null ? null : buildUrl(`/api/comments/${commentId}`, { raw: opts.raw ? 1 : undefined });
  return useQuery(url, () => dataOf<CommentDetailDTO>(url!));
}

/**
 * Stores an official's label correction. Corrections win over model labels in every statistic, so
 * everything cached is refreshed — except loaded comment lists, where the one comment is replaced
 * in place (refetching would throw away the pages the official has scrolled through).
 */
export async function saveCommentLabels(commentId: number, labels: CommentLabelsInput): Promise<CommentDetailDTO> {
  const detail = (await sendJson<{ data: CommentDetailDTO }>(`/api/comments/${commentId}/labels`, "PATCH", labels)).data;
  const isList = (key: string) => key.startsWith("pages:");
  // The raw view of the same comment (raw=1, admins and pimpinan) shows the labels too.
  queryCache.invalidateAll((key) => isList(key) || key === `/api/comments/${commentId}` || key.startsWith(`/api/comments/${commentId}?`));
  queryCache.set<CommentDetailDTO>(`/api/comments/${commentId}`, { status: "success", data: detail, error: undefined, fetching: false, updatedAt: Date.now() });
  queryCache.updateData<CommentPages>(isList, (pages) => ({
    ...pages,
    comments: pages.comments.map((c) => (c.id === commentId ? detail.comment : c)),
  }));
  return detail;
}

/**
 * What erasing a comment's author would remove in its village (admins). Asked when the official
 * starts an erasure, never cached: the confirmation must name what is stored now.
 */
export function fetchAuthorErasure(commentId: number): Promise<AuthorErasurePreviewDTO> {
  return dataOf<AuthorErasurePreviewDTO>(`/api/comments/${commentId}/author-erasure`);
}

/**
 * Erases every comment of a comment's author in its village (UU PDP). Lists, statistics and the
 * detail all changed, so every cached query is refetched or dropped.
 */
export async function eraseCommentAuthor(commentId: number): Promise<AuthorErasureDTO> {
  const result = (await sendJson<{ data: AuthorErasureDTO }>(`/api/comments/${commentId}/author-comments`, "DELETE", {})).data;
  queryCache.invalidateAll();
  return result;
}

/** The topic taxonomy (Indonesian and English names). */
export function useTopics(villageId: number | null): QueryResult<TopicDTO[]> {
  const url = villageId === null ? null : buildUrl(`/api/villages/${villageId}/topics`);
  return useQuery(url, () => dataOf<TopicDTO[]>(url!));
}

/** The comments request URL for a filter state (first page; the cursor is added per page). */
export function commentsUrl(villageId: number, filters: ExplorerFilters, limit = 30): string {
  return buildUrl(`/api/villages/${villageId}/comments`, { ...filtersToParams(filters), limit });
}

export interface CommentPages {
  comments: CommentDTO[];
  nextCursor: string | null;
  /** Comments matching the filters, over all pages. */
  total: number;
}

export interface CommentPagesResult extends QueryState<CommentPages> {
  loadMore(): void;
  loadingMore: boolean;
  loadMoreError: Error | undefined;
  refetch(): void;
}

/**
 * Cursor-paginated comments. Pages accumulate in one cache entry per filter URL so returning to
 * the explorer with the same filters shows what was already loaded.
 */
export function useCommentPages(villageId: number | null, filters: ExplorerFilters): CommentPagesResult {
  const baseUrl = villageId === null ? null : commentsUrl(villageId, filters);
  const key = baseUrl === null ? null : `pages:${baseUrl}`;
  const fetchFirst = useCallback(async (): Promise<CommentPages> => {
    const body = await getJson<CommentListDTO>(baseUrl!);
    return { comments: body.data, nextCursor: body.nextCursor, total: body.total };
  }, [baseUrl]);
  const first = useQuery(key, fetchFirst);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<Error | undefined>();
  useEffect(() => {
    setLoadMoreError(undefined);
    setLoadingMore(false);
  }, [key]);

  const loadMore = useCallback(() => {
    if (key === null || baseUrl === null) return;
    const current = queryCache.get<CommentPages>(key);
    if (current.status !== "success" || !current.data?.nextCursor) return;
    const { comments, nextCursor } = current.data;
    setLoadingMore(true);
    setLoadMoreError(undefined);
    const sep = baseUrl.includes("?") ? "&" : "?";
    getJson<CommentListDTO>(`${baseUrl}${sep}cursor=${encodeURIComponent(nextCursor)}`).then(
      (body) => {
        // Guard against a page arriving after the filters changed or twice.
        const now = queryCache.get<CommentPages>(key);
        if (now.data?.nextCursor === nextCursor) {
          queryCache.set<CommentPages>(key, { ...now, data: { comments: [...comments, ...body.data], nextCursor: body.nextCursor, total: body.total } });
        }
        setLoadingMore(false);
      },
      (err: unknown) => {
        setLoadMoreError(err instanceof Error ? err : new Error(String(err)));
        setLoadingMore(false);
      },
    );
  }, [key, baseUrl]);

  return { ...first, loadMore, loadingMore, loadMoreError };
}

/** A village's sources with their health (last run, new items, last error). */
export function useSources(villageId: number | null): QueryResult<SourceDTO[]> {
  const url = villageId === null ? null : buildUrl(`/api/villages/${villageId}/sources`);
  return useQuery(url, () => dataOf<SourceDTO[]>(url!));
}

/** Which "Hubungkan akun" logins the server offers (app credentials set). */
export function useOAuthProviders(villageId: number): QueryResult<OAuthProvidersDTO> {
  const url = buildUrl(`/api/villages/${villageId}/oauth/providers`);
  return useQuery(url, () => dataOf<OAuthProvidersDTO>(url));
}

/** The Pages a finished Facebook Login offers (null: no picker open). */
export function useMetaPageChoices(villageId: number, pick: string | null): QueryResult<MetaPageChoiceDTO[]> {
  const url = pick ? buildUrl(`/api/villages/${villageId}/oauth/meta/pages/${encodeURIComponent(pick)}`) : null;
  return useQuery(url, () => dataOf<MetaPageChoiceDTO[]>(url!));
}

/** "Hubungkan akun": start a login (the browser then goes to the platform) and pick a Page. */
export const connectActions = {
  async start(villageId: number, platform: "x" | "meta", sourceId?: number): Promise<string> {
    return (await sendJson<{ data: { url: string } }>(`/api/villages/${villageId}/oauth/${platform}/start`, "POST", sourceId ? { sourceId } : {})).data.url;
  },
  async choosePage(villageId: number, pick: string, pageId: string): Promise<SourceDTO[]> {
    const s = (await sendJson<{ data: SourceDTO[] }>(`/api/villages/${villageId}/oauth/meta/pages/${encodeURIComponent(pick)}`, "POST", { pageId })).data;
    queryCache.invalidateAll();
    return s;
  },
};

export interface SourceInput {
  platform: "x" | "facebook" | "instagram";
  accountId: string;
  token: string;
  handle?: string;
  name?: string;
  intervalMinutes?: number;
}

/** Source actions; each refreshes everything cached, since a run changes every statistic. */
export const sourceActions = {
  async add(villageId: number, input: SourceInput): Promise<SourceDTO> {
    const s = (await sendJson<{ data: SourceDTO }>(`/api/villages/${villageId}/sources`, "POST", input)).data;
    queryCache.invalidateAll();
    return s;
  },
  async update(id: number, changes: Partial<Omit<SourceInput, "platform">> & { status?: "active" | "paused" }): Promise<SourceDTO> {
    const s = (await sendJson<{ data: SourceDTO }>(`/api/sources/${id}`, "PATCH", changes)).data;
    queryCache.invalidateAll();
    return s;
  },
  async test(id: number): Promise<{ ok: boolean; name: string | null; message: string }> {
    return (await sendJson<{ data: { ok: boolean; name: string | null; message: string } }>(`/api/sources/${id}/test`, "POST", {})).data;
  },
  async run(id: number): Promise<{ run: { status: string; read: number; new: number; updated: number; error: string | null } }> {
    const r = (await sendJson<{ data: { run: { status: string; read: number; new: number; updated: number; error: string | null } } }>(`/api/sources/${id}/run`, "POST", {})).data;
    queryCache.invalidateAll();
    return r;
  },
  async remove(id: number): Promise<void> {
    await sendJson<undefined>(`/api/sources/${id}`, "DELETE", {});
    queryCache.invalidateAll();
  },
};

/** Accounts (admins only). */
export function useUsers(enabled: boolean): QueryResult<UserDTO[]> {
  const url = enabled ? buildUrl("/api/users") : null;
  return useQuery(url, () => dataOf<UserDTO[]>(url!));
}

/** Background jobs: queue sizes and failures (admins only). */
export function useBackgroundJobs(enabled: boolean): QueryResult<BackgroundJobsDTO> {
  const url = enabled ? buildUrl("/api/admin/jobs") : null;
  return useQuery(url, () => dataOf<BackgroundJobsDTO>(url!));
}

/** One page of the audit log (admins only), newest first. */
export async function fetchAuditPage(cursor: string | null): Promise<{ data: AuditEntryDTO[]; nextCursor: string | null }> {
  return getJson<{ data: AuditEntryDTO[]; nextCursor: string | null }>(buildUrl("/api/audit", { cursor, limit: 50 }));
}

/** Account administration; refreshes the cached user list. */
export const userActions = {
  async create(input: { username: string; password: string; displayName?: string; role: UserDTO["role"]; villageIds: number[] }): Promise<UserDTO> {
    const u = (await sendJson<{ data: UserDTO }>("/api/users", "POST", input)).data;
    queryCache.invalidateAll((key) => key !== "/api/users");
    return u;
  },
  async setDisabled(id: number, disabled: boolean): Promise<UserDTO> {
    const u = (await sendJson<{ data: UserDTO }>(`/api/users/${id}`, "PATCH", { disabled })).data;
    queryCache.invalidateAll((key) => key !== "/api/users");
    return u;
  },
  /** Sets a new (temporary) password; the user's sessions end. */
  async resetPassword(id: number, password: string): Promise<UserDTO> {
    return (await sendJson<{ data: UserDTO }>(`/api/users/${id}/password`, "POST", { password })).data;
  },
};

/** "Analisis ulang komentar": comments waiting for it and the latest run's progress (admins, pimpinan). */
export function useRetagStatus(villageId: number): QueryResult<RetagStatusDTO> {
  const url = `/api/villages/${villageId}/retag`;
  return useQuery(url, () => dataOf<RetagStatusDTO>(url));
}

/** Starts re-analysing the village's comments in the background (`all`: every comment, applying the latest corrections). */
export async function startRetag(villageId: number, all = false): Promise<RetagStatusDTO> {
  return (await sendJson<{ data: RetagStatusDTO }>(`/api/villages/${villageId}/retag`, "POST", { all })).data;
}

/**
 * How long the village keeps raw comments (admins). `proposed` previews another retention before it
 * is saved: months, or "none" for keeping everything; undefined: as stored.
 */
export function useVillageSettings(villageId: number, proposed?: number | "none"): QueryResult<VillageSettingsDTO> {
  const url = buildUrl(`/api/villages/${villageId}/settings`, { retentionMonths: proposed });
  return useQuery(url, () => dataOf<VillageSettingsDTO>(url));
}

/** Saves the village's retention (months, null: keep everything). */
export async function saveRetention(villageId: number, retentionMonths: number | null): Promise<VillageSettingsDTO> {
  const settings = (await sendJson<{ data: VillageSettingsDTO }>(`/api/villages/${villageId}/settings`, "PATCH", { retentionMonths })).data;
  queryCache.invalidateAll((key) => !key.startsWith(`/api/villages/${villageId}/settings`));
  return settings;
}

/** Adds or edits one of a village's own topics; the taxonomy and every statistic are refetched. */
export async function saveVillageTopic(villageId: number, topic: { key: string; nameId: string; nameEn: string; keywords: string[] }): Promise<TopicDTO[]> {
  const topics = (await sendJson<{ data: TopicDTO[] }>(`/api/villages/${villageId}/topics`, "POST", topic)).data;
  queryCache.invalidateAll();
  return topics;
}

// ---------- Tindak lanjut (follow-up cases) ----------

export interface CaseFilters {
  status?: CaseStatus | "open";
  assigneeId?: number;
  topic?: string;
  intent?: Intent;
  urgent?: "1";
  overdue?: "1";
  platform?: Platform;
  week?: string;
}

/** The inbox's cases for a filter state (urgent first, then the earliest due), `limit` at a time. */
export function useCases(villageId: number | null, filters: CaseFilters, limit = 50): QueryResult<CaseListDTO> {
  const url = villageId === null ? null : buildUrl(`/api/villages/${villageId}/cases`, { ...filters, limit });
  return useQuery(url, () => getJson<CaseListDTO>(url!));
}

/** One case with its comments, their threads and its history; null id waits. */
export function useCaseDetail(caseId: number | null): QueryResult<CaseDetailDTO> {
  const url = caseId === null ? null : buildUrl(`/api/cases/${caseId}`);
  return useQuery(url, () => dataOf<CaseDetailDTO>(url!));
}

export interface Assignee { id: number; displayName: string; role: string }

/** Officials of the village who may take a case. */
export function useAssignees(villageId: number | null): QueryResult<Assignee[]> {
  const url = villageId === null ? null : buildUrl(`/api/villages/${villageId}/assignees`);
  return useQuery(url, () => dataOf<Assignee[]>(url!));
}

/**
 * After a case change the inbox lists, the case, the weekly figures and comment details all change:
 * everything on screen is refetched. The changed case's detail, returned by the write, is shown at once.
 */
function invalidateCases(changed?: CaseDetailDTO): void {
  if (changed) queryCache.set<CaseDetailDTO>(`/api/cases/${changed.case.id}`, { status: "success", data: changed, error: undefined, fetching: false, updatedAt: Date.now() });
  queryCache.invalidateAll(changed ? (key) => key === `/api/cases/${changed.case.id}` : undefined);
}

/** The village's reply templates (placeholders {nama_desa}, {topik}, {petugas}). */
export function useReplyTemplates(villageId: number | null): QueryResult<Array<{ name: string; text: string }>> {
  const url = villageId === null ? null : buildUrl(`/api/villages/${villageId}/reply-templates`);
  return useQuery(url, () => dataOf<Array<{ name: string; text: string }>>(url!));
}

export const caseActions = {
  async change(caseId: number, input: CaseUpdateInput): Promise<CaseDetailDTO> {
    const d = (await sendJson<{ data: CaseDetailDTO }>(`/api/cases/${caseId}`, "PATCH", input)).data;
    invalidateCases(d);
    return d;
  },
  async bulk(villageId: number, input: { caseIds: number[]; status?: "perlu_jawaban" | "dijawab" | "ditindaklanjuti" | "selesai"; assigneeId?: number | null }): Promise<number> {
    const r = (await sendJson<{ data: { updated: number } }>(`/api/villages/${villageId}/cases/bulk`, "POST", input)).data;
    invalidateCases();
    return r.updated;
  },
  async merge(villageId: number, caseIds: number[]): Promise<CaseDetailDTO> {
    const d = (await sendJson<{ data: CaseDetailDTO }>(`/api/villages/${villageId}/cases/merge`, "POST", { caseIds })).data;
    invalidateCases(d);
    return d;
  },
  async split(caseId: number, commentIds: number[]): Promise<CaseDetailDTO> {
    const d = (await sendJson<{ data: CaseDetailDTO }>(`/api/cases/${caseId}/split`, "POST", { commentIds })).data;
    invalidateCases(d);
    return d;
  },
  /** Posts a reply on the platform (where the source allows it); the state says whether it was sent. */
  async reply(commentId: number, text: string): Promise<{ state: string; lastError?: string | null }> {
    const r = (await sendJson<{ data: { state: string; lastError?: string | null } }>(`/api/comments/${commentId}/replies`, "POST", { text })).data;
    invalidateCases();
    return r;
  },
};
