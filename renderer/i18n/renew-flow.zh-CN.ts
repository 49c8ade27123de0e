/** renewFlow 的中文字符串（键与英文完全一致）。 */
import type { Widen } from './en';
import type { renewFlowEn } from './renew-flow.en';

export const renewFlowZhCN: Widen<typeof renewFlowEn> = {
  renewFlow: {
    button: {
      noneSelected: '请先勾选要续费的项目。',
      noneHere: '所选项目都不能在这里续费：点开可查看改用什么方式。',
      leftOut_one: '所选的 {{count}} 个项目不在这里续费，点开可查看原因。',
      leftOut_other: '所选的 {{count}} 个项目不在这里续费，点开可查看原因。',
    },
    leftOut: {
      summary_one: '已自动排除 {{count}} 个项目：服务商不支持在这里续费。可以这样处理：',
      summary_other: '已自动排除 {{count}} 个项目：服务商不支持在这里续费。可以这样处理：',
      show: '查看这些项目',
      rule: {
        onHold: '{{vendor}} 只在订单到期、进入“暂停”状态后才能续费。打开自动续费，{{vendor}} 会按时自动续费。',
        dashboard: '{{vendor}} 的这类项目只能在它自己的控制台里续费。',
        viaOrder: '{{vendor}} 按整个订单续费，不能单独续费某个 IP。请在“订单”页面续费该订单。',
        none: '{{vendor}} 的接口不支持续费这些项目，请到 {{vendor}} 网站续费。',
      },
      openDashboard: '打开 {{vendor}} 控制台',
      opened: '已在浏览器中打开。',
    },
    period: {
      split: '不同类型的项目可选的时长不同，所以分开列出。',
      types: '类型：{{types}}',
      noFit: '{{vendor}} 没有适合这类项目的续费时长。',
      why: {
        loading: '正在获取服务商提供的续费时长。',
        nothing: '这里没有可以查询价格的项目：请在上面选择时长，或关闭后到服务商网站续费。',
      },
      leftOutErrors_one: '有 {{count}} 组无法查询价格，查价时会跳过。',
      leftOutErrors_other: '有 {{count}} 组无法查询价格，查价时会跳过。',
    },
    funds: {
      title: '余额够不够？',
      account: '账户',
      balance: '余额',
      cost: '费用',
      left: '支付后剩余',
      notReported: '未提供',
      noBalanceApi_one: '{{vendors}} 不向 Proxydeck 提供余额，这里无法核对。确认前请确保余额不少于所示费用。',
      noBalanceApi_other:
        '{{vendors}} 不向 Proxydeck 提供余额，这里无法核对。确认前请确保每个账户的余额不少于所示费用。',
      short: '余额不足',
      shortTitle: '余额不够支付全部项目。',
      shortNext: '请选择：先续费余额够付的部分，或者充值后重新查询价格。',
      covered_one: '续费余额够付的部分（{{count}} 个项目，先到期的优先）',
      covered_other: '续费余额够付的部分（{{count}} 个项目，先到期的优先）',
      coversNothing: '余额连一个项目都不够支付，请先充值。',
      topUp: '去 {{vendor}} 充值',
      topUpAgain: '充值后，请点击“重新查询价格”。',
      subset: '只包含余额够付的部分：共 {{of}} 个项目中的 {{count}} 个，先到期的优先。请核对下面的新总价。',
      whyDisabled: {
        blocked: '暂时无法确认：原因见上方。',
        unknown: '请先勾选上方的复选框，接受价格未知。',
        noPrice: '没有可确认的价格。',
      },
    },
    warnings: {
      currency_assumed: 'BestProxy 未说明订单金额的币种；此处按美元显示。',
      partial_prices: 'BestProxy 没有为每个项目单独报价。',
      price_unknown: '部分续费的价格无法事先得知。',
      promo_not_valid: '优惠码无效；价格为未打折的价格。',
      estimate: '服务商无法为此续费报价；显示的价格是估算值。',
      external_payment: '此付款方式会生成一张未付款订单：在服务商处付款后，这些项目才会续费。',
      not_renewable: '此套餐按流量充值，不能续费。',
      not_on_hold: '服务商只在订单进入保留状态后才为其续费；请开启自动续费，使其按时续费。',
      period_mismatch: '此订单按其自身的计费周期续费；如需按其他时长续费，请先更改计费周期。',
      price_differs: '服务商的报价与该订单上次支付的金额不同；续费可能按其中任一金额扣费。',
      ipv6_whole_order: 'IPv6 IP 会连同其整个订单一起续费：该订单的其他 IP 也会被续费。',
    },
  },
};
