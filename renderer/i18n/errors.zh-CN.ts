/** 按错误代码的中文错误说明（键与英文完全一致）。具体细节（账户名、供应商原话）以英文附在括号中。 */
import type { ErrorMessages } from './errors.en';

export const errorsZhCN: ErrorMessages = {
  errorText: {
    codes: {
      invalid_credentials: '供应商不接受此 API 密钥。请在供应商控制台核对密钥，然后在 Proxydeck 中更新该账户。',
      insufficient_funds: '您在供应商处的余额不足。请先在供应商处充值，然后重试。',
      not_supported: '供应商的 API 不提供此功能。',
      rate_limited: '供应商目前收到的请求过多。请等待一分钟后重试。',
      vendor_unavailable: '供应商的服务目前无法正常响应。请过几分钟再试。',
      bad_response: '供应商返回了 Proxydeck 无法理解的内容。请稍后重试；如果问题持续，可能是供应商更改了其 API。',
      network: '无法连接。请检查您的网络连接，然后重试。',
      vendor_rejected: '供应商拒绝了此请求。',
      invalid_argument: '部分填写的值无效。请检查后重试。',
      outcome_unknown:
        '供应商可能已经执行了此操作，但其回复无法读取。Proxydeck 正在向供应商核实；核实完成之前，不能再次付款。',
      not_found: '该项目已不存在，可能已被删除。请刷新后重试。',
      duplicate_label: '您已有一个同名账户。请换一个名称。',
      keychain_unavailable: '系统钥匙串不可用，因此无法读取或保存 API 密钥。账户将以只读方式显示上次保存的数据。',
      forbidden_sender: '此请求并非来自 Proxydeck 窗口，已被拒绝。请关闭此窗口，然后从 Proxydeck 重新打开。',
      storage: 'Proxydeck 无法保存数据。请确认磁盘空间未满，然后重试。',
      internal: 'Proxydeck 内部出错。请重试；如果问题持续，请重新启动应用。',
    },
    detail: '（详情：{{detail}}）',
    keychain: '系统钥匙串不可用，Proxydeck 目前为只读模式：账户显示的是上次保存的数据，无法保存或使用 API 密钥。',
    notice: 'Proxydeck 启动时发现其保存的文件有问题。',
    connection: {
      connected: '已连接。',
      balance: '已连接。余额 {{balance}}。',
      traffic: '已连接。剩余住宅流量 {{traffic}}。',
    },
  },
};
