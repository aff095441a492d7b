import type { ApiBody, ApiResponse } from '../../app/api-models.ts';

export type Channel = ApiResponse<'/api/notification-channels', 'get'>[number];
export type ChannelKind = Channel['kind'];
export type ChannelCreate = ApiBody<'/api/notification-channels', 'post'>;
export type ChannelUpdate = ApiBody<'/api/notification-channels/{id}', 'patch'>;
export type ChannelTestResult = ApiResponse<'/api/notification-channels/{id}/test', 'post'>;
export type Delivery = ApiResponse<'/api/notification-deliveries', 'get'>['items'][number];

export type AuditEntry = ApiResponse<'/api/audit', 'get'>['items'][number];

export type SystemInfo = ApiResponse<'/api/system/info', 'get'>;
export type JobStatus = ApiResponse<'/api/system/jobs', 'get'>['jobs'][number];
export type JobRun = ApiResponse<'/api/system/job-runs', 'get'>['items'][number];

export const CHANNEL_KINDS: readonly ChannelKind[] = ['wecom', 'dingtalk', 'feishu', 'email'];
