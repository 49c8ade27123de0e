import type { orderEditEn } from './order-edit.en';

/** 订单详情中的订单标签与计费周期工具（简体中文）。键与英文相同。 */
export const orderEditZhCN: typeof orderEditEn = {
  orderEdit: {
    tag: {
      edit: '编辑标签',
      label: '订单 {{id}} 的标签',
      hint: '最多 {{max}} 个字符。留空即可删除标签。{{vendor}} 会在其控制台中显示标签，并可按标签搜索。',
      save: '保存标签',
      cancel: '取消',
      saving: '正在保存…',
      saved: '标签已保存。',
      cleared: '标签已删除。',
      tooLong: '标签最多 {{max}} 个字符。',
      unknown: '标签可能已保存，但无法读取 {{vendor}} 的回复。Proxydeck 正在重新读取订单进行核实。',
    },
    cycle: {
      title: '计费周期',
      current: '当前：{{cycle}}',
      none: '此订单的产品没有其他计费周期。',
      choose: '新的计费周期',
      button: '更改计费周期',
      dialogTitle: '更改订单 {{id}} 的计费周期？',
      body: '从下次续费起，订单 {{id}} 将按 {{cycle}} 续费（而不是 {{current}}），价格为 {{vendor}} 对该周期的报价。现在不会扣费，当前周期也不会改变。',
      next: '下次扣费发生在订单续费时，即当前周期结束时（{{date}}）。如果关闭了自动续费，订单会进入待支付状态，等您付款。',
      nextUnknown: '下次扣费发生在订单续费时，即当前周期结束时。',
      promo: '如果订单的优惠码不适用于新的周期，{{vendor}} 会直接取消该优惠码，不另行询问。',
      confirm: '改为 {{cycle}}',
      keep: '保留 {{current}}',
      changing: '正在更改…',
      done: '已改为 {{cycle}}。没有扣费。',
      donePrice: '已改为 {{cycle}}。没有扣费。下次续费金额为 {{price}}。',
      unknown: '计费周期可能已更改，但无法读取 {{vendor}} 的回复。Proxydeck 正在重新读取订单进行核实。',
    },
  },
};
