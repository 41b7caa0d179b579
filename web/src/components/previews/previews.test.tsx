import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import type { Content } from '../../api/types';
import { rulesFor } from '../../lib/variants';
import { previewData } from './data';
import { PreviewPanel } from './PreviewPanel';

// The previews drawn from a content as the API sends it (PLAN20 §2), before any server has them.

const content = {
  title: 'Spring checks for your heat pump',
  variants: {
    'ch-li': {
      network: 'linkedin',
      fields: {
        text:
          'Spring is the right time to look after your heat pump. Our technicians share the ' +
          'three checks they make at every visit: the outdoor unit clear of leaves, the filters ' +
          'clean, and the pressure within the range. Read https://acme-energie.fr/guide #heatpump',
      },
      visual: 'att-1',
      counts: { text: { count: 251, limit: 3000 } },
    },
    'ch-x': {
      network: 'x',
      fields: { text: 'Three checks https://acme-energie.fr/blog/spring-heat-pump-checks' },
      visual: null,
    },
    'ch-nl': {
      network: 'newsletter',
      fields: {
        subject: 'Spring checks for your heat pump, before the warm days arrive',
        preheader: 'Three things to look at',
        text: 'The outdoor unit.\n\nThe filters.',
      },
      visual: null,
    },
  },
} as unknown as Content;

const images = new Map([['att-1', { url: '/img/pump.jpg', alt: 'A heat pump in a garden' }]]);
const names: Record<string, string> = { 'ch-li': 'LinkedIn', 'ch-x': 'X', 'ch-nl': 'Newsletter' };

function render(language: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    lng: language,
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
  });
  const items = Object.entries(content.variants!).map(([id, variant]) =>
    previewData(
      { id, name: names[id]! },
      variant.network,
      rulesFor(variant.network, undefined),
      variant.fields,
      variant.visual,
      images,
      content.title,
    ),
  );
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PreviewPanel items={items} page={{ name: 'Acme Énergie', avatarUrl: null }} />
    </I18nextProvider>,
  );
}

describe('the previews', () => {
  const html = render('en');

  it("fold LinkedIn's text at its hook with its own words", () => {
    expect(html).toContain('…see more');
    expect(html).not.toContain('#heatpump');
  });

  it("crop the visual at the network's ratio", () => {
    expect(html).toMatch(
      /<img class="preview-image preview-bleed" src="\/img\/pump.jpg" alt="A heat pump in a garden" style="aspect-ratio:1.91 \/ 1;object-fit:cover"/,
    );
  });

  it('sign every post with the page, its initials for a picture', () => {
    expect(html.match(/Acme Énergie/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('>AÉ<');
  });

  it('draw a link card for a post with a link and no visual, the URL shortened on X', () => {
    expect(html).toContain('data-testid="preview-link-card"');
    expect(html).toContain('acme-energie.fr/blog/sp…');
  });

  it("show the newsletter's inbox line: sender, subject cut at 50, preheader", () => {
    expect(html).toContain('Spring checks for your heat pump, before the warm…');
    expect(html).toContain('Three things to look at');
  });

  it('follow the light theme until someone picks dark', () => {
    expect(html).toContain('data-theme="light"');
    expect(html).not.toContain('data-theme="dark"');
  });

  it('speak French', () => {
    const french = render('fr');
    expect(french).toContain('… plus');
    expect(french).toContain('Aperçus');
  });
});
