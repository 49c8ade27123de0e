import type { connectionEn } from './connection.en';

/** 设置 →“连接供应商”的中文文本（issue 13 §7）。键与英文版相同（有测试检查）。 */
export const connectionZhCN: typeof connectionEn = {
  connection: {
    title: '连接供应商',
    intro: 'Proxydeck 如何访问各供应商的 API。如果你的网络无法直接访问供应商，请选择代理。',
    modeLegend: '连接方式',
    mode: {
      direct: '直接连接',
      system: '使用系统代理',
      proxy: '使用下面的代理',
    },
    modeHelp: {
      direct: 'Proxydeck 直接连接各供应商。',
      system:
        '使用电脑的代理设置（浏览器版使用 HTTPS_PROXY 和 HTTP_PROXY 环境变量）。该代理失败时请求会失败：Proxydeck 绝不会绕过代理直接连接。',
      proxy: '所有供应商请求都经过下面的代理。代理无法连接时请求会失败：Proxydeck 绝不会绕过代理直接连接。',
    },
    protocol: '代理类型',
    protocolName: { http: 'HTTP', https: 'HTTPS', socks5: 'SOCKS5' },
    host: '代理地址',
    hostHelp: '主机名或 IP 地址，例如 10.0.0.2 或 proxy.example.com。',
    port: '端口',
    portHelp: '例如 SOCKS5 用 1080，HTTP 用 8080 或 3128。',
    username: '用户名（可选）',
    usernameHelp: '仅当代理要求登录时填写。',
    password: '密码',
    passwordSaved: '已保存',
    passwordSavedHelp: '已有密码保存在系统钥匙串中。输入新密码即可替换。',
    passwordNoneHelp: '保存在系统钥匙串中，绝不写入文件。',
    forgetPassword: '删除已保存的密码',
    passwordForgotten: '已删除保存的密码。',
    save: '保存连接设置',
    unsaved: '尚未保存。下面的测试使用屏幕上的设置。',
    field: {
      host: '请输入代理地址：主机名或 IP 地址，前面不要加 http://。',
      port: '请输入代理端口：1 到 65535 之间的整数。',
      username: '用户名太长或含有不能使用的字符（例如“:”）。请重新输入。',
      password: '密码太长或含有不能使用的字符。请重新输入。',
    },
    test: '测试连接',
    testing: '正在测试与各供应商的连接…',
    testHelp: '用屏幕上的设置（无论是否已保存）逐个尝试你使用的供应商。不会登录任何账户。',
    summary: '已连通 {{ok}} / {{total}}。',
    proxyName: '{{hostPort}}（{{protocol}}）',
    result: {
      okDirect: '已直接连通 {{vendor}}，用时 {{ms}} 毫秒。',
      okSystemDirect: '已直接连通 {{vendor}}（系统设置对它不使用代理），用时 {{ms}} 毫秒。',
      okProxy: '已通过代理 {{proxy}} 连通 {{vendor}}，用时 {{ms}} 毫秒。',
      okSystemProxy: '已通过系统代理 {{proxy}} 连通 {{vendor}}，用时 {{ms}} 毫秒。',
      proxy_unreachable: '无法连接代理 {{proxy}}：{{reason}}。请检查代理地址和端口，并确认代理正在运行。',
      proxy_auth: '代理 {{proxy}} 拒绝了登录。请检查用户名和密码。',
      proxy_refused: '代理 {{proxy}} 不肯连接 {{vendor}}。请确认该代理允许连接供应商的地址。',
      system_unusable:
        '系统代理设置中没有 Proxydeck 能使用的代理（HTTP、HTTPS 或 SOCKS5）。请选择“使用下面的代理”并填写，或直接连接。',
      vendor_unreachable: '无法{{how}}连接 {{vendor}}：{{reason}}。请检查网络连接，或选择代理。',
      timeout: '{{vendor}} 在 {{seconds}} 秒内没有回应（{{how}}）。请几分钟后重试，或换一种连接方式。',
    },
    how: {
      direct: '直接',
      proxy: '通过代理 {{proxy}}',
    },
    reason: {
      refused: '连接被拒绝',
      not_found: '找不到这个主机名',
      unreachable: '网络无法到达',
      timeout: '没有及时回应',
      closed: '连接被关闭',
    },
  },
};
