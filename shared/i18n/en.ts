import type { Messages } from './zh';
import { escorts } from './en/escorts';
import { reports } from './en/reports';
import { helmet } from './en/helmet';
import { admin } from './en/admin';
import { content } from './en/content';
import { er } from './en/er';
import { handover } from './en/handover';
import { city } from './en/city';

export const en: Messages = {
  app: {
    name: 'GreenPost',
    fullName: 'GreenPost 绿岗',
    connecting: 'Connecting…',
    disconnected: 'Disconnected, reconnecting…',
  },
  nav: {
    escorts: 'Green channel',
    helmet: 'Helmet education',
    handover: 'Handover',
    reports: 'Reports',
    admin: 'Admin',
  },
  roles: { officer: 'Officer', chief: 'Chief', admin: 'Admin' },
  login: {
    title: 'Officer sign-in',
    badge: 'Badge no.',
    pin: 'PIN',
    submit: 'Sign in',
    badgeNeeded: 'Enter your badge number',
    pinNeeded: 'Enter your PIN',
    demoHint: 'Demo data: badges 900001–900004, PIN 123456 (demo only)',
  },
  setup: {
    title: 'First run: create the administrator',
    intro: 'The database is empty. Create the first administrator; they then add the other officers.',
    name: 'Name',
    confirm: 'Confirm PIN',
    mismatch: 'The two PINs differ',
    submit: 'Create administrator',
  },
  shell: { logout: 'Sign out', language: '中文', pairKiosk: 'Pair kiosk' },
  punct: { aside: '{{text}} ({{note}})', paren: ' ({{note}})', labelled: '{{label}}: {{value}}', listSep: '; ' },
  pair: {
    title: 'Pair an education kiosk',
    code: 'Pairing code',
    submit: 'Pair',
    hint: 'The kiosk shows a 6-digit code, valid for 5 minutes and usable once.',
    paired: 'Paired: {{name}}',
    kiosks: 'Paired kiosks',
    online: 'online',
    offline: 'offline',
    unpair: 'Unpair',
    rename: 'Rename',
    renamed: 'Renamed to “{{name}}”',
    none: 'No kiosk paired yet',
  },
  kiosk: {
    pairingTitle: 'Kiosk not paired',
    pairingHint: 'Ask an officer to press “Pair kiosk” at the booth and enter this code',
    codeLabel: 'Pairing code',
    expiresIn: 'New code in {{seconds}} s',
    paired: 'Paired',
    attract: [
      'Wear a safety helmet on every e-bike and motorcycle ride',
      'A helmet saves lives: wear it right, fasten the strap',
      'One helmet, one belt: safety every time',
      'Ride courteously, yield to pedestrians',
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
  common: { save: 'Save', cancel: 'Cancel', confirm: 'OK', loading: 'Loading…', error: 'Error' },
};
