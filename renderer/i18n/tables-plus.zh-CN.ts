/** tablesPlus 的中文字符串（键与英文完全一致）。 */
import type { Widen } from './en';
import type { tablesPlusEn } from './tables-plus.en';

export const tablesPlusZhCN: Widen<typeof tablesPlusEn> = {
  tablesPlus: {
    selection: {
      hidden: '已选 {{count, number}} 个，其中 {{hidden, number}} 个被筛选隐藏',
      leftOut_one: '复制、导出和续费只处理您能看到的 {{count, number}} 个已选项。',
      leftOut_other: '复制、导出和续费只处理您能看到的 {{count, number}} 个已选项。',
      unselectHidden: '取消选择隐藏的项',
    },
    days: {
      negative: '请输入 0 或更大的天数。0 表示今天到期或已经过期的。',
    },
    orders: {
      selectAll: '选择所有显示的订单',
      selectRow: '选择订单 {{id}}',
      selectedCount: '已选 {{count, number}} 个',
      clearSelection: '取消选择',
      exportCsv_one: '导出 {{count, number}} 个订单（CSV）',
      exportCsv_other: '导出 {{count, number}} 个订单（CSV）',
      exported_one: '已将 {{count, number}} 个订单保存到 {{file}}。',
      exported_other: '已将 {{count, number}} 个订单保存到 {{file}}。',
      vendorSays: '{{vendor}} 显示为「{{status}}」',
      detailHidden: '您打开的订单被筛选隐藏了。',
      showIt: '显示它',
    },
    country: {
      code: '代码 {{code}}',
    },
    subUsers: {
      search: '搜索',
      searchHint: '用户名或备注',
      countFiltered_one: '显示 {{count, number}} / {{total, number}} 个子账户',
      countFiltered_other: '显示 {{count, number}} / {{total, number}} 个子账户',
      noMatch: '没有符合搜索条件的子账户。清空搜索即可查看全部。',
    },
  },
};
