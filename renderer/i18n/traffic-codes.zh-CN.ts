import type { trafficCodesEn } from './traffic-codes.en';

/** Thordata 流量兑换码（CDK）部分（简体中文）。键与英文相同。 */
export const trafficCodesZhCN: typeof trafficCodesEn = {
  trafficCodes: {
    title: '流量兑换码',
    intro:
      '您作为流量出售的兑换码（Thordata 称为 CDK）。客户兑换后即获得相应流量。创建兑换码会消耗您的流量，之后会加入确认步骤；在此之前，请在 Thordata 控制台创建。',
    loading: '正在从 Thordata 读取兑换码…',
    reload: '重新读取',
    filter: '显示',
    all: '全部兑换码',
    count_one: '{{count}} 个兑换码',
    count_other: '{{count}} 个兑换码',
    empty: '此账户没有流量兑换码。',
    noMatch: '没有此状态的兑换码。',
    code: '兑换码',
    status: '状态',
    traffic: '流量',
    created: '创建时间',
    actions: '操作',
    copy: '复制',
    copyLabel: '复制兑换码 {{code}}',
    copied: '已将 {{code}} 复制到剪贴板。',
    copyFailed: '无法复制到剪贴板。请选中兑换码后手动复制。',
    statuses: { unused: '未使用', used: '已兑换', revoked: '已作废' },
    revoke: '作废',
    revokeLabel: '作废兑换码 {{code}}',
    revokeTitle: '作废兑换码 {{code}}？',
    revokeBody:
      '作废后该兑换码失效：任何人都无法再兑换，且无法撤销。它包含 {{traffic}}。Thordata 文档没有说明流量是否会退回您的余额。',
    revokeConfirm: '作废兑换码',
    keep: '保留',
    revoking: '正在作废…',
    revoked: '兑换码 {{code}} 已作废。',
  },
};
