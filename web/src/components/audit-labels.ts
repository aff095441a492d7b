import { useTranslation } from 'react-i18next';

/**
 * How the audit log's codes read in the reader's language: record types
 * (`activity.entity.*`) and actions (`activity.action.*`) of the common
 * locale — one list for the audit log page and the records' timelines, and
 * checked against every code the server writes (audit-labels.test.ts on the
 * server). A code without a name yet (a newer module) shows as itself.
 */
export function useAuditLabels() {
  const { t } = useTranslation();
  const label = (key: string, code: string) => {
    const text: unknown = t(key, { defaultValue: code });
    return typeof text === 'string' && text !== '' ? text : code;
  };
  return {
    action: (code: string) => label(`activity.action.${code}`, code),
    entity: (code: string) => label(`activity.entity.${code}`, code),
  };
}
