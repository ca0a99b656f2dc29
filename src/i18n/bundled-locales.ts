/**
 * Every language of `locales/`, for the server build of `faultline/i18n` (./node.ts). The rollup
 * build bundles the files into dist/i18n-node.js and .cjs as object literals, so that nothing is
 * read at run time (Node 20's minors differ on JSON imports: `assert`, then `with`). The lean
 * build, for browsers and edge runtimes, never imports this module: a page loads only its
 * languages (issue 5).
 */
import type { LocaleResources } from './localizer.ts';
import cs from '../../locales/cs.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import deCH from '../../locales/de-CH.json' with { type: 'json' };
import deLI from '../../locales/de-LI.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import enCA from '../../locales/en-CA.json' with { type: 'json' };
import enGB from '../../locales/en-GB.json' with { type: 'json' };
import enUS from '../../locales/en-US.json' with { type: 'json' };
import es from '../../locales/es.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import frLU from '../../locales/fr-LU.json' with { type: 'json' };
import hu from '../../locales/hu.json' with { type: 'json' };
import it from '../../locales/it.json' with { type: 'json' };
import nb from '../../locales/nb.json' with { type: 'json' };
import nl from '../../locales/nl.json' with { type: 'json' };
import pl from '../../locales/pl.json' with { type: 'json' };
import ro from '../../locales/ro.json' with { type: 'json' };
import ru from '../../locales/ru.json' with { type: 'json' };
import sl from '../../locales/sl.json' with { type: 'json' };
import sv from '../../locales/sv.json' with { type: 'json' };
import tr from '../../locales/tr.json' with { type: 'json' };

/** The texts of each `locales/<tag>.json`, by tag: seed 003's 15 languages and 6 variants. */
export const bundledLocales: Readonly<Record<string, LocaleResources>> = { cs, de, 'de-CH': deCH, 'de-LI': deLI, en, 'en-CA': enCA, 'en-GB': enGB, 'en-US': enUS, es, fr, 'fr-LU': frLU, hu, it, nb, nl, pl, ro, ru, sl, sv, tr };
