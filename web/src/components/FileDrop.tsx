// Choose one file to upload (click or drop); the page uploads it itself when the user confirms.
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';

export default function FileDrop({
  accept,
  file,
  onChange,
  text,
  hint,
  testId,
}: {
  accept: string;
  file: File | null;
  /** The chosen file, or null when it is removed. */
  onChange: (file: File | null) => void;
  text: string;
  hint: string;
  testId?: string;
}) {
  return (
    <Upload.Dragger
      accept={accept}
      maxCount={1}
      multiple={false}
      fileList={
        file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size, type: file.type }] : []
      }
      beforeUpload={(f) => {
        onChange(f);
        return false;
      }}
      onRemove={() => {
        onChange(null);
        return true;
      }}
      data-testid={testId}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}
