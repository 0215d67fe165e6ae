// Shapes of the « Données » commands' answers (src-tauri/src/data_commands.rs and the core's
// service types they return). Written by hand: these types are not exported by ts-rs.
import type { Event, ExportFilter, Feed, FeedUrls, Plan, Post, PostView } from "./generated/models";

export interface DataInfo {
  backupDir: string;
  backupsKept: number;
  trashDays: number;
  /** The end-to-end seam is set: skip the native dialogs, send no path. */
  dialogSeam: boolean;
}

export interface ExportSummary {
  posts: number;
  events: number;
  cancelled: number;
  bytes: number;
}

export interface Exported<T> {
  path: string;
  summary: T;
}

export interface FeedRow {
  feed: Feed;
  urls: FeedUrls;
}

export interface FeedServerStatus {
  running: boolean;
  host: string;
  port: number;
  lan: boolean;
}

export interface BackupFile {
  path: string;
  bytes: number;
  takenAt: string;
}

export interface TrashItems {
  posts: Post[];
  events: Event[];
  plans: Plan[];
}

export type Restored = { kind: "plan"; item: Plan } | { kind: "post"; item: PostView } | { kind: "event"; item: Event };

export interface Purged {
  plans: number;
  posts: number;
  events: number;
}

export interface RowProblem {
  row: number;
  column: string;
  code: string;
  value: string;
  reason: string;
}

export interface CsvPreview {
  encoding: string;
  converted: boolean;
  ignoredColumns: string[];
  posts: PostView[];
  problems: RowProblem[];
  unknownChannels: string[];
  unknownObjectives: string[];
}

export interface IcsImport {
  created: number;
  updated: number;
  unchanged: number;
}

export type { ExportFilter };
