import { escorts } from './zh/escorts';
import { reports } from './zh/reports';
import { helmet } from './zh/helmet';
import { admin } from './zh/admin';
import { content } from './zh/content';
import { er } from './zh/er';
import { handover } from './zh/handover';
import { city } from './zh/city';

/** Simplified Chinese: the product's first language. Keys are grouped by screen. */
export const zh = {
  app: { name: '绿岗', fullName: 'GreenPost 绿岗', connecting: '正在连接…', disconnected: '连接已断开，正在重连…' },
  nav: { escorts: '绿色通道', helmet: '头盔教育', handover: '交接班', reports: '统计报表', admin: '管理' },
  roles: { officer: '民警', chief: '领导', admin: '管理员' },
  login: {
    title: '民警登录',
    badge: '警号',
    pin: '密码',
    submit: '登录',
    badgeNeeded: '请输入警号',
    pinNeeded: '请输入密码',
    demoHint: '演示数据：警号 900001–900004，密码 123456（仅限演示）',
  },
  setup: {
    title: '首次使用：创建管理员',
    intro: '数据库为空。请创建第一个管理员账号，之后由管理员添加其他民警。',
    name: '姓名',
    confirm: '确认密码',
    mismatch: '两次输入的密码不一致',
    submit: '创建管理员',
  },
  shell: { logout: '退出登录', language: 'English', pairKiosk: '配对教育屏' },
  /** Punctuation that differs by language: full-width in Chinese, ASCII with spaces in English. */
  punct: { aside: '{{text}}（{{note}}）', paren: '（{{note}}）', labelled: '{{label}}：{{value}}', listSep: '；' },
  pair: {
    title: '配对教育屏',
    code: '配对码',
    submit: '配对',
    hint: '在教育屏上会显示 6 位配对码，5 分钟内有效，只能使用一次。',
    paired: '已配对：{{name}}',
    kiosks: '已配对的教育屏',
    online: '在线',
    offline: '离线',
    unpair: '解除配对',
    rename: '重命名',
    renamed: '已改名为「{{name}}」',
    none: '尚无配对的教育屏',
  },
  kiosk: {
    pairingTitle: '教育屏未配对',
    pairingHint: '请民警在岗亭电脑上点击「配对教育屏」，输入以下配对码',
    codeLabel: '配对码',
    expiresIn: '{{seconds}} 秒后更换',
    paired: '已配对',
    attract: [
      '骑电动车、摩托车，请佩戴安全头盔',
      '头盔是生命的保护伞：正确佩戴，系紧帽带',
      '一盔一带，安全常在',
      '文明出行，礼让行人，即停即走',
    ],
  },
  escorts,
  reports,
  helmet,
  admin,
  content,
  er,
  handover,
  city,
  common: { save: '保存', cancel: '取消', confirm: '确定', loading: '加载中…', error: '出错了' },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends string[] ? string[] : Widen<T[K]> };
export type Messages = Widen<typeof zh>;
