import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../shared/contract/auth';
import { defaultSettings } from '../../../shared/domain/settings';
import { useConnectionState } from '../net/useConnection';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { OfficersPanel } from './OfficersPanel';
import { RetentionPanel } from './RetentionPanel';
import { SettingsPanel } from './SettingsPanel';
import { useAudit } from './useAudit';
import { useBackup } from './useBackup';
import { useOfficers } from './useOfficers';
import { useRetention } from './useRetention';
import { useSettings } from './useSettings';
import { ContentPanel } from './content/ContentPanel';
import { useContent } from './content/useContent';
import { CityLinkPanel } from '../city/CityLinkPanel';
import { CityPostsPanel } from '../city/CityPostsPanel';
import { useCityPosts } from '../city/useCityPosts';
import { useLinkState } from '../city/useLinkState';
import './admin.css';

function OfficersTab({ officer }: { officer: Officer }) {
  const o = useOfficers();
  return (
    <OfficersPanel
      officers={o.officers}
      me={officer}
      now={o.listedAt}
      onCreate={o.create}
      onSetActive={o.setActive}
      onSetRole={o.setRole}
      onResetPin={o.resetPin}
    />
  );
}

function SettingsTab() {
  const { settings, save } = useSettings();
  const demo = useConnectionState().hello?.demo ?? false;
  return <SettingsPanel settings={settings} onSave={save} demo={demo} />;
}

function BackupTab() {
  const { settings } = useSettings();
  const b = useBackup();
  return (
    <BackupPanel
      overview={b.overview}
      progress={b.progress}
      timeZone={settings?.timeZone ?? defaultSettings.timeZone}
      onBackup={b.backup}
      onRestore={b.restore}
      onExportKey={b.exportKey}
    />
  );
}

function AuditTab() {
  const { settings } = useSettings();
  const a = useAudit();
  return (
    <AuditPanel
      page={a.page}
      error={a.error}
      actions={a.actions}
      filter={a.filter}
      timeZone={settings?.timeZone ?? defaultSettings.timeZone}
      onSearch={a.search}
      onVerify={a.verify}
    />
  );
}

function RetentionTab() {
  const { settings } = useSettings();
  const r = useRetention();
  return <RetentionPanel status={r.status} timeZone={settings?.timeZone ?? defaultSettings.timeZone} onRun={r.run} />;
}

function ContentTab() {
  const c = useContent();
  const demo = useConnectionState().hello?.demo ?? false;
  return (
    <ContentPanel
      demo={demo}
      overview={c.overview}
      progress={c.progress}
      onUpload={c.upload}
      onSetVideoActive={c.setVideoActive}
      onAssign={c.assign}
      onAddQuestion={c.addQuestion}
      onEditQuestion={c.editQuestion}
      onSetQuestionActive={c.setQuestionActive}
    />
  );
}

function CityLinkTab() {
  const { settings } = useSettings();
  const { state, enrol } = useLinkState();
  return <CityLinkPanel state={state} timeZone={settings?.timeZone ?? defaultSettings.timeZone} onEnrol={enrol} />;
}

function CityPostsTab() {
  const { settings } = useSettings();
  const c = useCityPosts();
  return <CityPostsPanel posts={c.posts} timeZone={settings?.timeZone ?? defaultSettings.timeZone} onCreate={c.create} onRefresh={c.refresh} />;
}

/** 管理: one tab per area of the admin's work. Each tab mounts only while shown, so it reads fresh data. */
export function AdminArea({ officer }: { officer: Officer }) {
  const { t } = useTranslation();
  const city = useConnectionState().hello?.city ?? false;
  const officers = { key: 'officers', label: t('admin.tabs.officers'), children: <OfficersTab officer={officer} /> };
  const settings = { key: 'settings', label: t('admin.tabs.settings'), children: <SettingsTab /> };
  const backup = { key: 'backup', label: t('admin.tabs.backup'), children: <BackupTab /> };
  const audit = { key: 'audit', label: t('admin.tabs.audit'), children: <AuditTab /> };
  return (
    <Tabs
      destroyOnHidden
      size="large"
      items={
        // The city server keeps no helmet content or personal data: its admin creates posts instead.
        city
          ? [{ key: 'cityPosts', label: t('city.posts.tab'), children: <CityPostsTab /> }, officers, settings, backup, audit]
          : [
              officers,
              settings,
              { key: 'content', label: t('content.tab'), children: <ContentTab /> },
              { key: 'cityLink', label: t('city.link.tab'), children: <CityLinkTab /> },
              backup,
              audit,
              { key: 'retention', label: t('admin.tabs.retention'), children: <RetentionTab /> },
            ]
      }
    />
  );
}
