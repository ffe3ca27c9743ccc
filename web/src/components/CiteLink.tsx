// A citation that links to its place in the regulation browser; a plain click previews the
// article in a drawer so the case stays in view (ctrl/⌘-click opens the browser).
import { createContext, type MouseEvent, useContext } from 'react';
import { useIntl } from '../locales/intl';
import { anchorOf, browserHref, citeLabel } from '../services/cite';
import type { Basis } from '../types/determination';

export const CitePreview = createContext<{ pack?: string; open(b: Basis): void }>({ open: () => {} });

export default function CiteLink({ basis }: { basis: Basis }) {
  const { locale } = useIntl();
  const preview = useContext(CitePreview);
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    preview.open(basis);
  };
  return (
    <a
      href={browserHref(anchorOf(basis), preview.pack)}
      onClick={onClick}
      className="wz-cite"
      data-testid="cite-link"
    >
      {citeLabel(basis, locale)}
    </a>
  );
}
