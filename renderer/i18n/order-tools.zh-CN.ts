import type { orderToolsEn } from './order-tools.en';

/** 订单详情中各供应商自有的订单工具（简体中文）。键与英文相同。 */
export const orderToolsZhCN: typeof orderToolsEn = {
  orderTools: {
    close: {
      button: '关闭此未支付订单',
      title: '关闭未支付订单 {{id}}？',
      body: '{{vendor}} 会取消此订单，之后无法再支付。不会扣费，您已有的内容也不会改变。以后如需购买，请重新下单。',
      confirm: '关闭订单',
      keep: '保留',
      closing: '正在关闭…',
      done: '已关闭。正在更新订单…',
      unknown: '订单可能已关闭，但无法读取 {{vendor}} 的回复。Proxydeck 正在重新读取订单进行核实。',
    },
    sig: {
      title: '操作系统签名（p0f）',
      intro:
        '操作系统签名让经过该 IP 的流量看起来来自该系统。更改前请关闭经过这些 IP 的所有连接，更改后约需 2–3 分钟生效。',
      load: '显示 IP 及其操作系统签名',
      loading: '正在从 {{vendor}} 读取 IP…',
      reload: '重新读取',
      slots:
        'p0f 槽位：已用 {{used}} / 共 {{available}}，空闲 {{free}}。IP 首次设置签名会永久占用一个槽位；之后更改不再占用。',
      noSlots: '此订单没有 p0f 槽位。请先在 {{vendor}} 购买 p0f 槽位（订单附加项）；每个 IP 首次设置签名占用一个。',
      ip: 'IP',
      current: '当前签名',
      none: '无（Linux 默认）',
      pick: '更改 {{ip}}',
      choose: '设为',
      summary_one: '将 1 个 IP 设为 {{signature}}。新占用槽位：{{fresh}}。',
      summary_other: '将 {{count}} 个 IP 设为 {{signature}}。新占用槽位：{{fresh}}。',
      tooFew_one: 'p0f 空闲槽位不足：还需 {{count}} 个。请先购买（订单的 p0f 附加项），或少选没有签名的 IP。',
      tooFew_other: 'p0f 空闲槽位不足：还需 {{count}} 个。请先购买（订单的 p0f 附加项），或少选没有签名的 IP。',
      apply: '设置操作系统签名',
      saving: '正在设置…',
      done: '已设置。请等待 2–3 分钟后再重新连接。',
      unknown: '签名可能已设置，但无法读取 {{vendor}} 的回复。Proxydeck 正在重新读取 IP 进行核实。',
      noClear: '{{vendor}} 的 API 无法清除签名，只能更改。',
    },
    drop: {
      title: '在下次续费时移除 IP',
      intro:
        '可以把勾选的 IP 标记为在订单下次续费时移除。在此之前它们照常可用，下一周期费用会降低，现在不扣费。订单至少要保留一个 IP。{{vendor}} 不显示哪些 IP 已被标记：下方数量即其将续费的 IP 数。',
      quantity: '{{vendor}} 将续费的 IP 数：{{count}}',
      drop: '下次续费时移除',
      keep: '下次续费时保留',
      allTicked: '订单至少要保留一个 IP：请取消勾选一个，再移除其余的。',
      saving: '正在保存…',
      done: '已保存。{{vendor}} 将续费 {{count}} 个 IP。',
      unknown: '更改可能已保存，但无法读取 {{vendor}} 的回复。Proxydeck 正在重新读取订单进行核实。',
    },
    os: {
      ios: 'iOS',
      macos: 'macOS',
      android: 'Android',
      linux: 'Linux',
      win10: 'Windows 10',
      win11: 'Windows 11',
    },
  },
};
