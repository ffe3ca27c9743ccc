// Choosing an officer by name or number (GET /api/v1/officers): the people of a finding are
// officers of the register, so their ids are officer ids (O-xxxx). Starts with the case
// agency's officers; typing searches the whole jurisdiction.
import { Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from '../locales/intl';
import { listOfficers } from '../services/officers';
import type { Officer } from '../types/officer';

interface Props {
  value?: string;
  onChange?(id: string, officer?: Officer): void;
  agencyId?: string;
  testId?: string;
  status?: 'error';
  /** Told the chosen officer's register entry once it is known (e.g. to compare agencies). */
  onResolve?(officer: Officer): void;
}

export default function OfficerPicker({ value, onChange, agencyId, testId, status, onResolve }: Props) {
  const { t } = useIntl();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Officer[]>([]);
  const [loading, setLoading] = useState(false);
  const known = useRef(new Map<string, Officer>());
  const resolveRef = useRef(onResolve);
  resolveRef.current = onResolve;
  const valueRef = useRef(value);
  valueRef.current = value;

  useEffect(() => {
    const ctrl = new AbortController();
    // The chosen officer stays an option (and labelled), whichever answer comes last.
    const withChosen = (items: Officer[]) => {
      const chosen = valueRef.current ? known.current.get(valueRef.current) : undefined;
      return chosen && !items.some((o) => o.id === chosen.id) ? [chosen, ...items] : items;
    };
    // While a search is on its way the previous answer is not offered: a click meant for one of
    // its rows would land on whatever row the answer puts there.
    setLoading(true);
    if (query) setOptions(withChosen([]));
    const timer = window.setTimeout(
      () => {
        listOfficers(
          { q: query || undefined, agencyId: query ? undefined : agencyId, page: 1, pageSize: 30 },
          ctrl.signal,
        )
          .then((r) => {
            for (const o of r.items) known.current.set(o.id, o);
            setOptions(withChosen(r.items));
          })
          .catch(() => {})
          .finally(() => !ctrl.signal.aborted && setLoading(false));
      },
      query ? 250 : 0,
    );
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [query, agencyId]);

  // The chosen officer stays labelled even when the current search does not list them.
  useEffect(() => {
    if (!value || known.current.has(value)) return;
    listOfficers({ q: value, page: 1, pageSize: 5 }).then(
      (r) => {
        for (const o of r.items) known.current.set(o.id, o);
        setOptions((opts) =>
          opts.some((o) => o.id === value) ? opts : [...r.items.filter((o) => o.id === value), ...opts],
        );
      },
      () => {},
    );
  }, [value]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: options change as the register answers
  useEffect(() => {
    const officer = value ? known.current.get(value) : undefined;
    if (officer) resolveRef.current?.(officer);
  }, [value, options]);

  const selectOptions = useMemo(
    () =>
      options.map((o) => ({
        value: o.id,
        label: `${o.name}（${o.id}）`,
        officer: o,
      })),
    [options],
  );

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQuery }}
      value={value || undefined}
      onChange={(id) => onChange?.(id, known.current.get(id))}
      loading={loading}
      status={status}
      placeholder={t('pages.cases.findings.pickOfficer')}
      options={selectOptions}
      optionRender={(o) => {
        const officer = (o.data as { officer: Officer }).officer;
        return (
          <div>
            <div>
              {officer.name} <Typography.Text type="secondary">{officer.id}</Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {officer.agencyName}
              {officer.post ? ` · ${officer.post}` : ''}
            </Typography.Text>
          </div>
        );
      }}
      popupMatchSelectWidth={320}
      notFoundContent={loading ? t('common.loading') : t('common.noMatch')}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
