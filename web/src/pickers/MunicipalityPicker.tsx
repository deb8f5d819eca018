import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Field, fieldId } from '../forms/Field';
import type { FieldProblem } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { pickerMessages } from './messages';
import { useLocalName } from './names';

const PrefecturesQuery = graphql(`
  query Prefectures {
    prefectures {
      code
      prefectureCode
      nameJa
      nameEn
    }
  }
`);

const MunicipalitiesQuery = graphql(`
  query Municipalities($prefectureCode: String!, $after: String) {
    localGovernments(prefectureCode: $prefectureCode, first: 100, after: $after) {
      nodes {
        code
        kind
        nameJa
        nameEn
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Every municipality and ward of a prefecture, page after page (Graphcache merges the pages). */
function useMunicipalities(prefectureCode: string) {
  // The cursor belongs to the prefecture it was read for: another prefecture starts from its first page.
  const [paging, setPaging] = useState<{ prefectureCode: string; after: string | null }>({
    prefectureCode,
    after: null,
  });
  const after = paging.prefectureCode === prefectureCode ? paging.after : null;
  const [{ data, fetching }] = useQuery({
    query: MunicipalitiesQuery,
    variables: { prefectureCode, after },
    pause: prefectureCode === '',
  });
  const page = data?.localGovernments;
  useEffect(() => {
    if (page?.pageInfo.hasNextPage && page.pageInfo.endCursor)
      setPaging({ prefectureCode, after: page.pageInfo.endCursor });
  }, [page, prefectureCode]);
  return {
    municipalities: (page?.nodes ?? []).filter((government) => government.kind !== 'prefecture'),
    fetching: fetching || Boolean(page?.pageInfo.hasNextPage),
  };
}

interface MunicipalityPickerProps {
  name: string;
  label: string;
  /** A six-digit local-government code, or '' for none. */
  value: string;
  onChange(code: string): void;
  errors?: readonly FieldProblem[];
  required?: boolean;
  /** Offer the whole prefecture too (a volunteer's regions). */
  allowWholePrefecture?: boolean;
}

/** A prefecture, then one of its municipalities or wards, as the national local-government code. */
export function MunicipalityPicker({
  name,
  label,
  value,
  onChange,
  errors,
  required,
  allowWholePrefecture,
}: MunicipalityPickerProps) {
  const t = useMessages(pickerMessages);
  const localName = useLocalName();
  const [prefectureCode, setPrefectureCode] = useState(value.slice(0, 2));
  useEffect(() => {
    if (value) setPrefectureCode(value.slice(0, 2));
  }, [value]);
  const [{ data: prefectureData }] = useQuery({ query: PrefecturesQuery });
  const prefectures = prefectureData?.prefectures ?? [];
  const prefecture = prefectures.find((candidate) => candidate.prefectureCode === prefectureCode);
  const { municipalities, fetching } = useMunicipalities(prefectureCode);
  const prefectureId = `${fieldId(name)}-prefecture`;
  return (
    <div className="municipality-picker">
      <div className="field">
        <label htmlFor={prefectureId}>{t.prefecture}</label>
        <select
          id={prefectureId}
          value={prefectureCode}
          onChange={(event) => {
            setPrefectureCode(event.target.value);
            onChange('');
          }}
        >
          <option value="">{t.choosePrefecture}</option>
          {prefectures.map((option) => (
            <option key={option.code} value={option.prefectureCode}>
              {localName(option)}
            </option>
          ))}
        </select>
      </div>
      <Field name={name} label={label} errors={errors} required={required}>
        {(control) => (
          <select
            {...control}
            value={value}
            disabled={prefectureCode === ''}
            onChange={(event) => onChange(event.target.value)}
          >
            <option value="">
              {prefectureCode === '' ? t.choosePrefectureFirst : fetching ? t.loading : t.chooseMunicipality}
            </option>
            {allowWholePrefecture && prefecture ? (
              <option value={prefecture.code}>{t.wholePrefecture(localName(prefecture))}</option>
            ) : null}
            {municipalities.map((municipality) => (
              <option key={municipality.code} value={municipality.code}>
                {localName(municipality)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
