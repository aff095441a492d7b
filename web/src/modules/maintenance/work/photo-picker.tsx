import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTexts } from '../../../app/texts.ts';
import { MAX_PHOTOS } from './photo-upload.ts';
import { workTexts } from './texts.ts';

/**
 * Photos chosen before the order exists (report) or before it is completed:
 * kept in the browser with thumbnails, sent by the caller once the order is
 * saved. Two buttons because `capture` opens the camera straight away on a
 * phone, while a photo taken earlier is in the album.
 */
export function PhotoPicker({
  value,
  onChange,
  hint,
  disabled,
}: {
  value: File[];
  onChange: (files: File[]) => void;
  hint: string;
  disabled?: boolean;
}) {
  const tx = useTexts(workTexts);
  const t = tx.photos;
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => value.map((f) => URL.createObjectURL(f)), [value]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  function add(list: FileList | null) {
    const picked = [...(list ?? [])];
    const images = picked.filter((f) => f.type.startsWith('image/'));
    for (const f of picked)
      if (!f.type.startsWith('image/')) void message.warning(t.notImage(f.name));
    const next = [...value, ...images];
    if (next.length > MAX_PHOTOS) void message.warning(t.tooMany(MAX_PHOTOS));
    onChange(next.slice(0, MAX_PHOTOS));
  }

  const full = value.length >= MAX_PHOTOS;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        {hint} {t.max(MAX_PHOTOS)}
      </Typography.Text>
      {value.length > 0 && (
        <Flex wrap gap={8} role="list" aria-label={t.title}>
          {value.map((f, i) => (
            <div key={urls[i]} role="listitem" style={{ position: 'relative' }}>
              <img
                src={urls[i]}
                alt={t.preview(i + 1)}
                width={80}
                height={80}
                style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }}
              />
              <Button
                size="small"
                shape="circle"
                icon={<CloseOutlined />}
                aria-label={t.remove(i + 1)}
                disabled={disabled}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                style={{ position: 'absolute', top: -8, right: -8 }}
              />
            </div>
          ))}
        </Flex>
      )}
      <Flex gap={8} wrap>
        <Button
          icon={<CameraOutlined />}
          disabled={disabled || full}
          onClick={() => camera.current?.click()}
        >
          {t.takePhoto}
        </Button>
        <Button
          icon={<PictureOutlined />}
          disabled={disabled || full}
          onClick={() => album.current?.click()}
        >
          {t.fromAlbum}
        </Button>
      </Flex>
      {/* Hidden inputs, opened by the buttons; reset after each pick so the same photo can be re-added. */}
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label={t.takePhoto}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={album}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label={t.fromAlbum}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
    </Flex>
  );
}
