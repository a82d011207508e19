import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { CertificateVerificationView } from '@kc/contracts';
import { ApiError } from '../../api/http';
import { useApi } from '../../api/resource';
import { LangSwitch } from '../../app/Layout';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useProvinceIndex } from '../projects/common';
import './verify.css';

const STATUS_EN: Record<CertificateVerificationView['status'], string> = {
  valid: 'Valid',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

const LEVEL_EN: Record<CertificateVerificationView['level'], string> = {
  commune: 'commune (district before 07/2025)',
  provincial: 'provincial',
  regional: 'regional',
  national: 'national',
};

/** A certificate number as printed: letters, digits and dashes. */
const NUMBER = /^[A-Z0-9-]{4,40}$/;

function Certificate({ number }: { number: string }) {
  const { t, lang } = useLang();
  const { provinceOf } = useProvinceIndex();
  const fetched = useApi<CertificateVerificationView>(
    `/api/v1/award-certificates/${encodeURIComponent(number)}/verification`,
  );
  if (fetched.loading) return <p role="status">{t('Đang tra cứu…', 'Looking it up…')}</p>;
  if (fetched.error) {
    const unknown = fetched.error instanceof ApiError && fetched.error.status === 404;
    return (
      <p className="verify-result verify-unknown" role="alert" data-status="unknown">
        {unknown
          ? t(
              `Không có giấy chứng nhận số ${number} trong hệ thống.`,
              `There is no certificate number ${number} on record.`,
            )
          : t('Không tra cứu được lúc này. Hãy thử lại.', 'Could not look it up now. Try again.')}
      </p>
    );
  }
  const c = fetched.data!;
  const province = provinceOf.get(c.holderProvinceCode)?.nameVi ?? c.holderProvinceCode;
  return (
    <section className={`verify-result verify-${c.status}`} data-status={c.status} aria-live="polite">
      <p className="verify-status">{lang === 'vi' ? c.statusLabel : STATUS_EN[c.status]}</p>
      <dl className="pairs">
        <div>
          <dt>{t('Số giấy chứng nhận', 'Certificate number')}</dt>
          <dd>{c.number}</dd>
        </div>
        <div>
          <dt>{t('Sản phẩm', 'Product')}</dt>
          <dd>{c.productName}</dd>
        </div>
        <div>
          <dt>{t('Cơ sở', 'Holder')}</dt>
          <dd>
            {c.holderName} — {province}
          </dd>
        </div>
        <div>
          <dt>{t('Cấp bình chọn', 'Award level')}</dt>
          <dd>
            {lang === 'vi' ? c.levelLabel : LEVEL_EN[c.level]}, {t('năm', 'year')} {c.roundYear}
          </dd>
        </div>
        <div>
          <dt>{t('Ngày cấp', 'Issued on')}</dt>
          <dd>{formatDate(c.issuedOn)}</dd>
        </div>
        <div>
          <dt>{t('Hiệu lực đến', 'Valid until')}</dt>
          <dd>{formatDate(c.validUntil)}</dd>
        </div>
        {c.withdrawnOn ? (
          <div>
            <dt>{t('Thu hồi ngày', 'Withdrawn on')}</dt>
            <dd>
              {formatDate(c.withdrawnOn)}: {c.withdrawalReason}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

/**
 * The public check of an award certificate by its number (the QR code on the printed certificate opens it): says
 * valid, expired or withdrawn and shows only what is printed on the certificate. No session needed.
 */
export default function VerifyPage() {
  const { t } = useLang();
  const { number: given } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(given ?? '');
  const number = given?.trim().toUpperCase();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = typed.trim().toUpperCase();
    if (wanted) navigate(`/verify/${encodeURIComponent(wanted)}`);
  };
  return (
    <div className="verify">
      <main className="verify-main">
        <div className="verify-top">
          <LangSwitch />
        </div>
        <div className="card verify-card">
          <h1>{t('Tra cứu giấy chứng nhận sản phẩm CNNT tiêu biểu', 'Verify an award certificate')}</h1>
          <form onSubmit={submit} className="verify-form">
            <label htmlFor="certificate-number">{t('Số giấy chứng nhận', 'Certificate number')}</label>
            <input
              id="certificate-number"
              value={typed}
              placeholder="QG-2023-0001"
              autoCapitalize="characters"
              spellCheck={false}
              onChange={(event) => setTyped(event.target.value)}
            />
            <button type="submit" className="button">
              {t('Tra cứu', 'Verify')}
            </button>
          </form>
          {number && NUMBER.test(number) ? <Certificate number={number} /> : null}
          {number && !NUMBER.test(number) ? (
            <p className="verify-result verify-unknown" role="alert">
              {t(
                'Số giấy chứng nhận gồm chữ in hoa, chữ số và dấu gạch ngang, ví dụ QG-2023-0001.',
                'A certificate number has capital letters, digits and dashes, e.g. QG-2023-0001.',
              )}
            </p>
          ) : null}
        </div>
      </main>
    </div>
  );
}
