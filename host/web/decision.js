// What every decision, merge and unmerge sends besides its own fields: why (a reason typed in the form) and
// who (the person's name for the history). Both are required: the missing one is named and gets the focus.
import { valueOf } from './dom.js';
import { t } from './i18n.js';
import { showError } from './messages.js';
import { yourName } from './sign_in.js';

// {by, reason}, or null after saying in `area` what is missing.
export function reasonAndName(area, reasonFieldId) {
  const reason = valueOf(reasonFieldId);
  if (!reason) {
    showError(area, { message: t('decide.needreason') });
    document.getElementById(reasonFieldId).focus();
    return null;
  }
  const by = yourName();
  if (!by) {
    showError(area, { message: t('decide.needname') });
    document.getElementById('your-name').focus();
    return null;
  }
  return { by, reason };
}
