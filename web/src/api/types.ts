// The words of the copydesk API, as its JSON says them.

export type Language = 'en' | 'fr';

export const roles = ['owner', 'admin', 'editor', 'contributor', 'reviewer', 'guest'] as const;
export type Role = (typeof roles)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  language: Language;
  /** The person's IANA time zone; null: the browser's. Only on GET/PATCH /me. */
  time_zone?: string | null;
}

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  language: Language;
}

export interface Membership {
  workspace: Workspace;
  role: Role;
}

/** GET /api/v1/me */
export interface Me {
  user: User;
  memberships: Membership[];
  csrf_token: string;
}

/** GET /api/v1/setup */
export interface SetupStatus {
  needed: boolean;
  /** How a forgotten password is replaced: an e-mailed link, or a link from an admin. */
  password_reset?: 'email' | 'admin';
}

/** POST /api/v1/setup */
export interface SetupRequest {
  email: string;
  name: string;
  password: string;
  workspace_name: string;
  language: Language;
}

export interface SetupResponse {
  user: User;
  workspace: Workspace;
  csrf_token: string;
}

/** POST /api/v1/invitations/{token}/accept */
export interface AcceptedInvitation extends SetupResponse {
  /** The contents shared with the e-mail while the invitation waited. */
  shared_contents: string[];
}

/** POST /api/v1/auth/login */
export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: User;
  csrf_token: string;
}

/** PATCH /api/v1/me */
export interface MeUpdate {
  name?: string;
  language?: Language;
  time_zone?: string | null;
}

/** One entry of a problem's `errors`: which input field is wrong and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An `application/problem+json` body (RFC 9457) as copydesk sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors: FieldProblem[];
}

// ---- workspace settings --------------------------------------------------------------------

export interface Member {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  joined_at: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  created_at: string;
  expires_at: string;
  token?: string;
  accept_url?: string;
}

export type InviteResult = { member: Member } | { invitation: Invitation };

export interface Team {
  id: string;
  name: string;
  members: string[];
}

export interface Channel {
  id: string;
  name: string;
  color: string;
  parent: string | null;
  char_limit: number | null;
  position: number;
  /** The network whose rules its variants follow (issue 20); null: none (a website, print…). */
  network?: Network | null;
}

/** A social network or the newsletter: a channel's variants follow its rules (issue 20). */
export type Network = 'x' | 'linkedin' | 'facebook' | 'instagram' | 'newsletter';

/** One field of a network's variant, its limit and how the network counts it. */
export interface NetworkField {
  key: string;
  limit: number | null;
  /** "x": X's weighted count (URLs 23, wide characters 2); "chars": Unicode code points. */
  counting: 'x' | 'chars';
}

/** A network's rules, as the server serves them with the workspace. */
export interface NetworkRules {
  network: Network;
  fields: NetworkField[];
  /** Characters shown before the network's "…see more" (null: no fold). */
  hook: number | null;
  /** The crop of a visual in the feed ("16:9", "1.91:1", "4:5"); null: none. */
  image_ratio: string | null;
  hashtag_limit: number | null;
  mention_limit: number | null;
}

/** A content's cut for one channel (issue 20). */
export interface Variant {
  network: Network;
  fields: Record<string, string>;
  /** An image attachment of the content; null: no visual. */
  visual: string | null;
  counts?: Record<string, { count: number; limit: number | null }>;
}

/** GET /api/v1/workspaces/{ws}: the page identity previews show, and the networks' rules. */
export interface WorkspaceSettings extends Workspace {
  page_name?: string;
  /** A file of the workspace's library; null: the page name's initials. */
  page_avatar?: string | null;
  networks?: NetworkRules[];
}

export const fieldKinds = [
  'text',
  'longtext',
  'richtext',
  'date',
  'choice',
  'multichoice',
  'url',
  'number',
] as const;
export type FieldKind = (typeof fieldKinds)[number];

export interface FieldDef {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  max_length: number | null;
  options?: string[];
  channel_limits?: boolean;
}

export interface ContentType {
  id: string;
  key: string;
  name: string;
  fields: FieldDef[];
}

export interface Project {
  id: string;
  name: string;
  description: string;
  archived: boolean;
}

export interface TagCount {
  tag: string;
  count: number;
}

export interface Session {
  id: string;
  current: boolean;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
  ip: string;
}

export interface ApiToken {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  token?: string;
}

export interface ListOf<T> {
  items: T[];
}

// ---- contents ------------------------------------------------------------------------------

/** A field's value as the API stores it: text, a number, or a list of choices. */
export type FieldValue = string | number | string[] | null;

export interface Violation {
  field: string;
  rule: 'required' | 'max_length' | 'channel_limit' | 'hashtag_limit' | 'mention_limit';
  limit: number | null;
  actual: number | null;
  channel?: string;
  /** For a variant's field ("variants.<channel id>.text"): its channel. */
  channel_id?: string;
}

export interface ContentSummary {
  id: string;
  workspace_id: string;
  type: { id: string; key: string; name: string };
  title: string;
  language: Language;
  channels: string[];
  tags: string[];
  project: string | null;
  owner: string | null;
  assignees: string[];
  due_at: string | null;
  publish_at: string | null;
  version: number;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived: boolean;
  /** Where the content is in its workspace's workflow (null only for a workspace without any). */
  status: StatusRef | null;
  lock: Lock | null;
  /** The newest revision holding every approval its gates asked for, none stale. */
  validated_revision: number | null;
  /** One entry per team the workflow has asked so far, in the order it asked them. */
  approvals: TeamApproval[];
  /** How many files are attached (absent from servers before issue 17). */
  attachments_count?: number;
}

export interface Content extends ContentSummary {
  fields: Record<string, FieldValue>;
  content_hash: string;
  violations: Violation[];
  merged?: boolean;
  /** The level shared with the caller when only a share lets them read it (a guest's). */
  shared?: 'read' | 'comment' | 'edit' | null;
  /** Edited variants by channel id; a channel with a network but none here is derived. */
  variants?: Record<string, Variant>;
}

export interface ContentPage {
  items: ContentSummary[];
  next_cursor: string | null;
}

export interface Conflict {
  field: string;
  base: unknown;
  current: unknown;
  proposed: unknown;
}

export type RevisionReason = 'created' | 'edit' | 'merge' | 'restore' | 'import';

export interface Revision {
  number: number;
  author: { id: string; name: string };
  reason: RevisionReason;
  started_at: string;
  saved_at: string;
  saves: number;
  sealed: boolean;
  label: string | null;
  restored_from: number | null;
  content_hash: string;
}

/** A file as a revision recorded it: which version of which media file (issue 17). */
export interface RevisionAttachment {
  attachment_id: string;
  media_id: string;
  version: number;
  sha256: string;
  name: string;
}

export interface RevisionDetail extends Revision {
  title: string;
  fields: Record<string, FieldValue>;
  variants?: Record<string, Variant>;
  /** Absent from servers before issue 17, and for a revision without files. */
  attachments?: RevisionAttachment[];
}

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

// `label`: the server's name for a row it cannot leave to the type ("X · Text" for a variant's).
export type FieldDiff =
  | { field: string; changed: boolean; text: true; ops: DiffOp[]; html?: string; label?: string }
  | {
      field: string;
      changed: boolean;
      text: false;
      before: unknown;
      after: unknown;
      label?: string;
    };

export interface ContentDiff {
  from: number;
  to: number;
  fields: FieldDiff[];
}

// ---- workflow ------------------------------------------------------------------------------

export const statusCategories = ['idea', 'in_progress', 'review', 'ready', 'published'] as const;
export type StatusCategory = (typeof statusCategories)[number];

/** What a status asks before a content moves on from it. */
export interface Gate {
  teams: string[];
  no_violations: boolean;
  /** Blocking: the API refuses the move (409); advisory: it is allowed and recorded. */
  blocking: boolean;
}

export interface Status {
  id: string;
  name: string;
  color: string;
  category: StatusCategory;
  position: number;
  gate: Gate | null;
}

/** GET/PUT /api/v1/workspaces/{ws}/workflow */
export interface Workflow {
  statuses: Status[];
}

/** A status as written back with PUT: one without `id` is new. */
export interface StatusInput {
  id?: string;
  name: string;
  color: string;
  category: StatusCategory;
  gate: Gate | null;
}

export interface WorkflowInput {
  statuses: StatusInput[];
  /** Where the contents of each deleted status go. */
  move_to?: Record<string, string>;
}

export type StatusRef = Pick<Status, 'id' | 'name' | 'color' | 'category'>;

export interface Lock {
  /** The user id of who locked it. */
  by: string;
  reason: string;
  at: string | null;
}

export type Decision = 'approved' | 'changes_requested';

export interface Approval {
  id: string;
  revision: number;
  content_hash: string;
  decision: Decision;
  comment: string;
  by: { id: string | null; name: string };
  team: { id: string; name: string } | null;
  created_at: string;
  /** Present in GET …/approvals: the text has changed since. */
  stale?: boolean;
  /** A review link's visitor, who decided without an account (then `team` is null). */
  visitor?: { name: string; email: string };
  /** The channels whose variants were in the revision approved (issue 20). */
  covered_variants?: string[];
}

/** Where one asked team stands on the current text. */
export interface TeamApproval {
  team_id: string;
  team_name: string;
  state: Decision | 'stale' | 'waiting';
  latest: Approval | null;
}

/** GET /api/v1/contents/{id}/approvals */
export interface ApprovalList {
  items: Approval[];
  teams: TeamApproval[];
  validated_revision: number | null;
}

/** One entry of the audit trail. `data` depends on `kind`. */
export interface ActivityEvent {
  seq: number;
  kind: string;
  at: string;
  actor: { id: string | null; name: string };
  subject: string | null;
  data: Record<string, unknown>;
}

/** A blocking gate's refusal (409), in the problem's extra members. */
export interface MissingApproval {
  team_id: string;
  team_name: string;
}
