// Marks the words of a search in a text.
import { Fragment } from 'react';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default function Highlight({ text, query }: { text: string; query?: string }) {
  const terms = (query ?? '')
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (terms.length === 0) return <>{text}</>;
  const re = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'g');
  let offset = 0;
  return (
    <>
      {text.split(re).map((part) => {
        const at = offset;
        offset += part.length;
        return terms.includes(part) ? (
          <mark className="wz-highlight" key={at}>
            {part}
          </mark>
        ) : (
          <Fragment key={at}>{part}</Fragment>
        );
      })}
    </>
  );
}
