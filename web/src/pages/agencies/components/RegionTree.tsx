// The region tree of the user's jurisdiction (province → city → county); picking a node
// filters the agency list to that region and the regions below it.
import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useRegions } from '../../../hooks/useRegions';
import { useIntl } from '../../../locales/intl';
import type { Region } from '../../../services/regions';

interface Props {
  scope: string | null;
  value?: string;
  onChange(region: string | undefined): void;
}

export default function RegionTree({ scope, value, onChange }: Props) {
  const { t } = useIntl();
  const regions = useRegions();
  const treeData = useMemo<DataNode[]>(() => {
    const visible = scope ? regions.within(scope) : regions.items;
    const codes = new Set(visible.map((r) => r.code));
    const node = (r: Region): DataNode => ({
      key: r.code,
      title: (
        <span data-testid={`region-${r.code}`}>
          {r.name}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
            {r.code}
          </Typography.Text>
        </span>
      ),
      children: visible.filter((c) => c.parentCode === r.code).map(node),
    });
    return visible.filter((r) => !r.parentCode || !codes.has(r.parentCode)).map(node);
  }, [regions, scope]);

  return (
    <Card
      size="small"
      variant="borderless"
      title={
        <span>
          <ApartmentOutlined /> {t('pages.agencies.regionTree')}
        </span>
      }
      extra={
        value && (
          <Typography.Link onClick={() => onChange(undefined)} data-testid="region-clear">
            {t('common.all')}
          </Typography.Link>
        )
      }
      loading={regions.loading}
    >
      {treeData.length > 0 && (
        <Tree
          blockNode
          defaultExpandAll
          treeData={treeData}
          selectedKeys={value ? [value] : []}
          onSelect={(keys) => onChange(keys.length ? String(keys[0]) : undefined)}
          data-testid="region-tree"
        />
      )}
    </Card>
  );
}
