import {
  EyeOutlined,
  PlusOutlined,
  PoweroffOutlined,
  PrinterOutlined,
  QrcodeOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import type { Location } from './location-model.ts';
import { canHaveChildren } from './location-rules.ts';
import { placesTexts } from './texts.ts';

export type NodeHandlers = {
  open: (l: Location) => void;
  addChild: (parent: Location) => void;
  toggleActive: (l: Location) => void;
  regenerateQr: (l: Location) => void;
  printLabels: (l: Location) => void;
};

/** The actions on a node, for its right-click menu and the selected node's "more" menu. */
export function useNodeMenu(handlers: NodeHandlers, canManage: boolean) {
  const tx = useTexts(placesTexts);
  return (l: Location, only?: readonly string[]): MenuProps => {
    const all: NonNullable<MenuProps['items']> = [
      { key: 'open', icon: <EyeOutlined />, label: tx.tree.details },
      ...(canManage && canHaveChildren(l.type) && l.active
        ? [{ key: 'add', icon: <PlusOutlined />, label: tx.tree.addChild }]
        : []),
      {
        key: 'print',
        icon: <PrinterOutlined />,
        label: l.type === 'room' ? tx.tree.printLabel : tx.tree.printLabels,
      },
      ...(canManage
        ? [
            {
              key: 'active',
              icon: <PoweroffOutlined />,
              label: l.active ? tx.tree.deactivate : tx.tree.reactivate,
              danger: l.active,
            },
            { key: 'qr', icon: <QrcodeOutlined />, label: tx.tree.regenerateQr },
          ]
        : []),
    ];
    return {
      items: only ? all.filter((i) => only.includes(String(i?.key))) : all,
      onClick: ({ key, domEvent }) => {
        domEvent.stopPropagation();
        if (key === 'open') handlers.open(l);
        if (key === 'add') handlers.addChild(l);
        if (key === 'print') handlers.printLabels(l);
        if (key === 'active') handlers.toggleActive(l);
        if (key === 'qr') handlers.regenerateQr(l);
      },
    };
  };
}
