import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaThumbnailUrl, useMediaLibrary } from '../../api/files';
import { workspaceSettingsQuery } from '../../api/variants';
import { useWorkspaceSettings } from '../../api/workspace';
import { Alert } from '../../components/Alert';
import { Avatar } from '../../components/previews/Avatar';
import { Field } from '../../components/Field';
import { genericErrorMessage } from '../../lib/errors';

/** The page previews are signed with: its name and picture (issue 20). */
export function PageIdentitySettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const id = useId();
  const settings = useQuery(workspaceSettingsQuery(slug)).data;
  const save = useWorkspaceSettings(slug);
  const library = useMediaLibrary(slug, 'kind=image');
  const images = (library.data?.pages ?? []).flatMap((page) => page.items);
  const [name, setName] = useState('');
  const [avatar, setAvatar] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!settings) return;
    setName(settings.page_name && settings.page_name !== settings.name ? settings.page_name : '');
    setAvatar(settings.page_avatar ?? null);
  }, [settings]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    try {
      // No name (null): the workspace's own, following its renames.
      await save.mutateAsync({ page_name: name.trim() || null, page_avatar: avatar });
      setDone(true);
    } catch {
      // Shown below.
    }
  };

  const chosen = images.find((image) => image.id === avatar);
  const shownName = name.trim() || settings?.name || '';
  return (
    <form
      className="form settings-form"
      noValidate
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('variants.page_title')}</h2>
      {save.isError && <Alert>{genericErrorMessage(t, save.error)}</Alert>}
      {done && <Alert tone="info">{t('settings.saved')}</Alert>}
      <Field
        label={t('variants.page_name')}
        hint={t('variants.page_name_hint')}
        value={name}
        placeholder={settings?.name}
        maxLength={100}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="field">
        <label htmlFor={`${id}-avatar`}>{t('variants.page_avatar')}</label>
        <div className="page-avatar-row">
          <Avatar
            page={{
              name: shownName,
              avatarUrl: chosen
                ? mediaThumbnailUrl(chosen.id, chosen.current.number, 'thumb')
                : null,
            }}
          />
          <select
            id={`${id}-avatar`}
            value={avatar ?? ''}
            aria-describedby={`${id}-avatar-hint`}
            onChange={(event) => setAvatar(event.target.value || null)}
          >
            <option value="">{t('variants.page_avatar_none')}</option>
            {images.map((image) => (
              <option key={image.id} value={image.id}>
                {image.name}
              </option>
            ))}
          </select>
        </div>
        <p id={`${id}-avatar-hint`} className="field-hint">
          {t('variants.page_avatar_hint')}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
