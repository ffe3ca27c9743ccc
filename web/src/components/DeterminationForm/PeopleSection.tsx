// The people of a case being built: the simulator's and the findings drawer's list of
// person cards with "add approval chain" and "add person" — one component for both.
import { PlusOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useVocabLabel } from '../../hooks/useVocabLabel';
import { useIntl } from '../../locales/intl';
import type { PersonInput, Role, Vocabulary } from '../../types/determination';
import type { CatalogueItem } from '../../types/rulebook';
import PersonCard from './PersonCard';

interface Props {
  people: PersonInput[];
  onChange: (people: PersonInput[]) => void;
  onAddChain: () => void;
  onAddPerson: (role: Role) => void;
  agencies: string[];
  vocabulary: Vocabulary;
  catalogue: CatalogueItem[];
  testIds: { section: string; add: string };
  /** Replaces the free id field, e.g. with an officer picker. */
  identity?: (person: PersonInput, index: number) => { label: string; field: ReactNode };
}

export default function PeopleSection({
  people,
  onChange,
  onAddChain,
  onAddPerson,
  agencies,
  vocabulary,
  catalogue,
  testIds,
  identity,
}: Props) {
  const { t } = useIntl();
  const label = useVocabLabel();
  return (
    <Card
      title={t('pages.simulator.people')}
      variant="borderless"
      size="small"
      extra={
        <Flex gap={8}>
          <Button size="small" icon={<UsergroupAddOutlined />} onClick={onAddChain}>
            {t('pages.simulator.addChain')}
          </Button>
          <Dropdown
            menu={{
              items: vocabulary.roles.map((r) => ({ key: r.code, label: label('role', r.code, r.label) })),
              onClick: (e) => onAddPerson(e.key as Role),
            }}
          >
            <Button size="small" icon={<PlusOutlined />} data-testid={testIds.add}>
              {t('pages.simulator.addPerson')}
            </Button>
          </Dropdown>
        </Flex>
      }
      data-testid={testIds.section}
    >
      {people.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.simulator.noPeople')} />
      )}
      {people.map((p, i) => (
        <PersonCard
          // biome-ignore lint/suspicious/noArrayIndexKey: people are edited in place, ids change as typed
          key={i}
          index={i}
          person={p}
          agencies={agencies}
          vocabulary={vocabulary}
          catalogue={catalogue}
          onChange={(next) => onChange(people.map((x, j) => (j === i ? next : x)))}
          onRemove={() => onChange(people.filter((_, j) => j !== i))}
          identity={identity?.(p, i)}
        />
      ))}
    </Card>
  );
}
