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
      storage: 'Proxydeck 无法保存到其数据文件夹（例如磁盘已满或文件夹为只读）。请按详情中的说明处理，然后重试。',
      internal: 'Proxydeck 内部出错。请重试；如果问题持续，请重新启动应用。',
    },
    detail: '（详情：{{detail}}）',
    keychain: '系统钥匙串不可用，Proxydeck 目前为只读模式：账户显示的是上次保存的数据，无法保存或使用 API 密钥。',
    notice: 'Proxydeck 发现其保存的文件有问题。',
    disk: {
      full: 'Proxydeck 无法保存到 {{folder}}：磁盘已满。请释放该磁盘上的一些空间；Proxydeck 会自动重试。在此之前，新的更改只在 Proxydeck 保持打开期间有效。',
      read_only:
        'Proxydeck 无法保存到 {{folder}}：该文件夹为只读。请让该文件夹重新可写（例如以可写方式挂载磁盘）；Proxydeck 会自动重试。在此之前，新的更改只在 Proxydeck 保持打开期间有效。',
      no_permission:
        'Proxydeck 无法保存到 {{folder}}：Proxydeck 没有写入该文件夹的权限。请为您的用户账户授予该文件夹的写入权限；Proxydeck 会自动重试。在此之前，新的更改只在 Proxydeck 保持打开期间有效。',
      missing:
        'Proxydeck 无法保存到 {{folder}}：该文件夹不存在（可能移除了驱动器，或文件夹被移动或删除）。请重新连接驱动器或将文件夹放回原处；Proxydeck 会自动重试。在此之前，新的更改只在 Proxydeck 保持打开期间有效。',
      other:
        'Proxydeck 无法保存到 {{folder}}：磁盘报告了错误（{{code}}）。请检查磁盘；Proxydeck 会自动重试。在此之前，新的更改只在 Proxydeck 保持打开期间有效。',
    },
    unexpected:
      'Proxydeck 内部出现了意外错误（详情记录在日志中）。它会继续使用已有的数据运行；如果有任何异常，请重新启动 Proxydeck。您的续费是安全的：每一次续费在发送之前都已记录。',
    connection: {
      connected: '已连接。',
      balance: '已连接。余额 {{balance}}。',
      traffic: '已连接。剩余住宅流量 {{traffic}}。',
    },
  },
};
