// After filing: the receipt code, large, with a copy button and the advice to keep it; then
// attachments uploaded against the receipt (up to 5, 10 MB each), and the way to tracking.
import { useRef, useState } from 'react';
import { fileSize } from '../../services/format';
import { t } from '../intl';
import { Link } from '../router';
import { failure, uploadAttachment } from '../service';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type UploadedAttachment } from '../types';
import { Alert, Card, Icon, Spinner } from '../ui';

/** What the complaint channel accepts: images, PDF, Office/WPS documents, audio and video. */
const ACCEPTED_FILES =
  'image/*,audio/*,video/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps,.odt,.ods,.odp';

export default function Receipt({ receipt, onAnother }: { receipt: string; onAnother(): void }) {
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const [uploaded, setUploaded] = useState<UploadedAttachment[]>([]);
  const [uploading, setUploading] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const code = useRef<HTMLDivElement>(null);
  const full = uploaded.length + uploading >= MAX_ATTACHMENTS;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied('yes');
    } catch {
      // No clipboard (an old browser, a page not served over https): select the code instead.
      setCopied('manual');
      const range = document.createRange();
      if (code.current) range.selectNodeContents(code.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
  };

  const upload = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setProblems((p) => [...p, t('pages.public.receipt.tooLarge', { name: file.name })]);
      return;
    }
    setUploading((n) => n + 1);
    try {
      const a = await uploadAttachment(receipt, file);
      setUploaded((list) => [...list, a]);
    } catch (e) {
      setProblems((p) => [...p, t('portal.uploadFailed', { name: file.name, message: failure(e) })]);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const chosen = (files: FileList | null) => {
    setProblems([]);
    const room = MAX_ATTACHMENTS - uploaded.length - uploading;
    for (const f of Array.from(files ?? []).slice(0, Math.max(0, room))) void upload(f);
    if (input.current) input.current.value = '';
  };

  return (
    <div data-testid="receipt-panel">
      <div className="pp-done">
        <span className="pp-done-icon">
          <Icon name="check" size={56} />
        </span>
        <h1 className="pp-title">{t('pages.public.receipt.title')}</h1>
        <p className="pp-muted">{t('pages.public.receipt.subtitle')}</p>
      </div>
      <Card className="pp-center">
        <div className="pp-muted">{t('pages.public.receipt.code')}</div>
        {/* Shown in groups of four to read out and copy by hand; the text itself has no spaces. */}
        <div className="pp-receipt-code" data-testid="receipt-code" ref={code}>
          {receipt.match(/.{1,4}/g)?.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the groups are positions in the code
            <span key={i}>{g}</span>
          ))}
        </div>
        <button
          type="button"
          className="pp-btn pp-btn-primary pp-btn-block"
          onClick={copy}
          data-testid="receipt-copy"
        >
          <Icon name="copy" /> {t('pages.public.receipt.copy')}
        </button>
        <div className="pp-status" role="status" aria-live="polite">
          {copied === 'yes' && t('pages.public.receipt.copied')}
          {copied === 'manual' && t('pages.public.receipt.copyManually')}
        </div>
        <Alert type="warning" title={t('pages.public.receipt.keepTitle')}>
          {t('pages.public.receipt.keep')}
        </Alert>
      </Card>
      <Card
        className="pp-gap-top"
        title={
          <>
            <Icon name="clip" /> {t('pages.public.receipt.attachments')}
          </>
        }
      >
        <p className="pp-muted">{t('pages.public.receipt.attachmentsHint', { n: MAX_ATTACHMENTS })}</p>
        <input
          ref={input}
          type="file"
          multiple
          // A hint to the file picker only: the server decides by the file's bytes.
          accept={ACCEPTED_FILES}
          className="pp-visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          disabled={full}
          onChange={(e) => chosen(e.target.files)}
        />
        <button
          type="button"
          className="pp-btn pp-btn-block"
          disabled={full}
          aria-busy={uploading > 0}
          onClick={() => input.current?.click()}
          data-testid="receipt-upload"
        >
          {uploading > 0 ? <Spinner /> : <Icon name="upload" />}
          {uploading > 0 ? t('portal.uploading') : t('pages.public.receipt.upload')}
        </button>
        {problems.map((p) => (
          <Alert key={p} type="error" title={p} />
        ))}
        {uploaded.length > 0 && (
          <ul className="pp-files" data-testid="receipt-attachments">
            {uploaded.map((a) => (
              <li key={a.sha256 + a.filename}>
                <span className="pp-file-name">
                  <Icon name="clip" /> {a.filename}
                </span>
                <span className="pp-muted">{fileSize(a.size)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="pp-stack pp-gap-top">
        <Link
          to={`/public/track?receipt=${receipt}`}
          className="pp-btn pp-btn-block"
          data-testid="receipt-track"
        >
          <Icon name="search" /> {t('pages.public.receipt.track')}
        </Link>
        <button type="button" className="pp-btn pp-btn-text pp-btn-block" onClick={onAnother}>
          {t('pages.public.receipt.another')}
        </button>
      </div>
    </div>
  );
}
