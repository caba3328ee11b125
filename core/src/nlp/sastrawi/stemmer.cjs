/*
Copyright (c) 2017, Alif Bhaskoro, Andy Librian, R. Kukuh (Reimplemented from https://github.com/sastrawi/sastrawi)

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
*/

'use strict'

const stemmer = {}

// Dictionary
const dictionary = loadDictionary()

// Rules
const SuffixRules = require('./suffixRules.cjs')
const PrefixRules = require('./prefixRules.cjs')

const suffixRules = SuffixRules.rules
const prefixRules = PrefixRules.rules

// Suara Desa: a cheap test per prefix rule (same order as PrefixRules.rules) that is false only when
// every regex of the rule must fail, so the rule could only return the word unchanged. Skipping
// those rules gives the same stems without running ~40 regexes per word.
const startsWith = (p) => (w) => w.startsWith(p)
const includes = (p) => (w) => w.includes(p)
const secondThird = (a, b) => (w) => w.length > 2 && w[1] === a && w[2] === b
const prefixGuards = [
  (w) => w.startsWith('di') || w.startsWith('ke') || w.startsWith('se'), // plain di-/ke-/se-
  startsWith('ber'), startsWith('ber'), includes('ber'), startsWith('bel'), includes('be'), // 1-5 (3 and 5 are unanchored)
  startsWith('ter'), startsWith('ter'), startsWith('ter'), startsWith('te'), // 6-9
  startsWith('me'), startsWith('mem'), startsWith('mempe'), startsWith('mem'), startsWith('men'), startsWith('men'), // 10-15
  startsWith('meng'), startsWith('meng'), startsWith('meny'), startsWith('memp'), // 16-19
  startsWith('pe'), startsWith('pe'), startsWith('per'), startsWith('per'), startsWith('pem'), startsWith('pem'), // 20, 21, 23-26
  startsWith('pen'), startsWith('pen'), startsWith('peng'), startsWith('peng'), startsWith('peny'), startsWith('pe'), // 27-32
  startsWith('pe'), startsWith('ter'), startsWith('pe'), // 34-36
  secondThird('e', 'r'), secondThird('e', 'l'), secondThird('e', 'm'), secondThird('i', 'n'), // 37-40
  startsWith('ku'), startsWith('kau') // 41-42
]
if (prefixGuards.length !== prefixRules.length) throw new Error('sastrawi: one guard per prefix rule expected')
// The first letters each guard allows ('' when it allows any), and per first letter the rules whose
// guard it can pass, in rule order: a scan for a word not in the dictionary visits only those.
const GUARD_FIRSTS = [
  'dks', 'b', 'b', '', 'b', '', 't', 't', 't', 't', 'm', 'm', 'm', 'm', 'm', 'm', 'm', 'm', 'm', 'm',
  'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 't', 'p', '', '', '', '', 'k', 'k'
]
if (GUARD_FIRSTS.length !== prefixRules.length) throw new Error('sastrawi: one first-letter set per prefix rule expected')
const ALL_RULES = prefixRules.map((_, j) => j)
const ANY_FIRST_RULES = ALL_RULES.filter((j) => GUARD_FIRSTS[j] === '')
const RULES_BY_FIRST = new Map()
for (const c of new Set(GUARD_FIRSTS.join(''))) RULES_BY_FIRST.set(c, ALL_RULES.filter((j) => GUARD_FIRSTS[j] === '' || GUARD_FIRSTS[j].includes(c)))

// Removals
let removals = null

// Words
let originalWord = null
let currentWord = null

module.exports = stemmer

// perform full stemming algorithm on a single word
stemmer.stem = function (token) {
  // Cache stemmer not yet implemented
  // Set to lowercase
  token = token.toLowerCase()

  // Initiate everything
  removals = []

  if (isPlural(token)) {
    return stemPluralWord(token)
  } else {
    return stemSingularWord(token)
  }
}

// Stem for plural word
function stemPluralWord (pluralWord) {
  let matches = pluralWord.match(/^(.*)-(.*)$/)
  if (!matches) {
    return pluralWord
  }
  const words = [matches[1], matches[2]]

  // malaikat-malaikat-nya -> malaikat malaikat-nya
  const suffix = words[1]
  const suffixes = ['ku', 'mu', 'nya', 'lah', 'kah', 'tah', 'pun']
  matches = words[0].match(/^(.*)-(.*)$/)
  if (suffixes.indexOf(suffix) !== -1 && matches) {
    words[0] = matches[1]
    words[1] = matches[2] + '-' + suffix
  }

  // berbalas-balasan -> balas
  const rootWord1 = stemSingularWord(words[0])
  let rootWord2 = stemSingularWord(words[1])

  // meniru-nirukan -> tiru
  if (!find(words[1]) && rootWord2 === words[1]) {
    rootWord2 = stemSingularWord('me' + words[1])
  }
  if (rootWord1 === rootWord2) {
    return rootWord1
  } else {
    return pluralWord
  }
}

// Stem for singular word
function stemSingularWord (word) {
  originalWord = word // Save the original word for reverting later
  currentWord = word

  // Step 1
  if (currentWord.length > 3) {
    // Step 2-5
    stemmingProcess()
  }

  // Step 6
  if (find(currentWord)) {
    return currentWord
  } else {
    return originalWord
  }
}

// Return true if word is in plural form ex: gelas-gelas, else false
function isPlural (token) {
  // Suara Desa: a word without a hyphen is never plural (both tests below look for one).
  if (token.indexOf('-') === -1) return false
  const matches = token.match(/^(.*)-(ku|mu|nya|lah|kah|tah|pun)$/)
  if (matches) {
    return matches[1].search('-') !== -1
  }
  return token.search('-') !== -1
}

// Find certain word in dictionary
function find (word) {
  return dictionary.has(word)
}

function loadDictionary () {
  const fin = require('./kata-dasar.json')
  return new Set(fin.filter(Boolean))
}

// Stemming from step 2-5
function stemmingProcess () {
  if (find(currentWord)) { return }

  // Confix Stripping
  // Try to remove prefixes first before suffixes if the specification is met
  if (precedenceAdjustmentSpecification(originalWord)) {
    // Step 4, 5
    removePrefixes()
    if (find(currentWord)) { return }

    // Step 2, 3
    removeSuffixes()
    if (find(currentWord)) {
      return
    } else {
      // if the trial is failed, restore the original word
      // and continue to normal rule precedence (suffix first, prefix afterwards)
      currentWord = originalWord
      removals = []
    }
  }

  // Step 2, 3
  removeSuffixes()
  if (find(currentWord)) { return }

  // Step 4, 5
  removePrefixes()
  if (find(currentWord)) { return }

  // ECS Loop Restore Prefixes
  loopRestorePrefixes()
}

// Remove Suffixes
function removeSuffixes () {
  for (const i in suffixRules) {
    const resultObj = suffixRules[i](currentWord)

    // Add result to variable
    if (resultObj.removal !== undefined) {
      removals.push(resultObj.removal)
    }
    currentWord = resultObj.currentWord

    if (find(currentWord)) { return currentWord }
  }
}

// Remove Prefixes
function removePrefixes () {
  for (let i = 0; i < 3; i++) {
    checkPrefixRules()
    if (find(currentWord)) {
      return currentWord
    }
  }
}

function checkPrefixRules () {
  const removalCount = removals.length
  // Suara Desa: the word only changes at a rule that then returns (a rule that removes nothing
  // leaves it as it was), so its dictionary check is the same for every rule before that: done once.
  const word = currentWord
  const known = find(word)
  // A rule whose guard fails changes nothing, so for a word not in the dictionary only the rules
  // its first letter allows can act (a known word ends the scan at the first rule either way).
  const order = known ? ALL_RULES : (RULES_BY_FIRST.get(word[0]) ?? ANY_FIRST_RULES)
  for (let k = 0; k < order.length; k++) {
    const j = order[k]
    if (!prefixGuards[j](word)) {
      // The rule would have left the word as it is; the dictionary check after it still applies.
      if (known) return currentWord
      continue
    }
    const resultObj = prefixRules[j](word)

    // Add result to variable
    if (resultObj.removal !== undefined) {
      removals.push(resultObj.removal)
    }
    currentWord = resultObj.currentWord

    if (currentWord === word ? known : find(currentWord)) {
      return currentWord
    }
    if (removals.length > removalCount) {
      return
    }
  }
}

// Loop Restore Prefixes
function loopRestorePrefixes () {
  restorePrefix()

  const reversedRemovals = removals.reverse()
  const tempCurrentWord = currentWord

  for (const i in reversedRemovals) {
    const currentRemoval = reversedRemovals[i]

    if (!isSuffixRemovals(currentRemoval)) {
      continue
    }

    if (currentRemoval.getRemovedPart() === 'kan') {
      currentWord = currentRemoval.getResult() + 'k'

      // Step 4, 5
      removePrefixes()
      if (find(currentWord)) {
        return
      }
      currentWord = currentRemoval.getResult() + 'kan'
    } else {
      currentWord = currentRemoval.getOriginalWord()
    }

    // Step 4, 5
    removePrefixes()
    if (find(currentWord)) {
      return
    }

    currentWord = tempCurrentWord
  }
}

function isSuffixRemovals (removal) {
  const type = removal.getAffixType()
  if (type === 'DS' || type === 'PP' || type === 'P') {
    return true
  }
  return false
}

function restorePrefix () {
  for (let i = 0; i < removals.length; i++) {
    currentWord = removals[i].getOriginalWord()
    // break
  }

  for (let i = 0; i < removals.length; i++) {
    if (removals[i].getAffixType() === 'DP') {
      removals.splice(i, 1)
      i--
    }
  }
}

// Check if word require precedence adjustment or not
// Adjustment means remove prefix then suffix instead of remove suffix then prefix
function precedenceAdjustmentSpecification (word) {
  // Suara Desa: the upstream regexes /^be(.*)lah$/, /^be(.*)an$/, /^me(.*)i$/, /^di(.*)i$/,
  // /^pe(.*)i$/ and /^ter(.*)i$/ as prefix and suffix tests (built once per call upstream); `.`
  // stops at line terminators, which a word never holds, but they are kept out all the same.
  if (LINE_TERMINATOR_RE.test(word)) return PRECEDENCE_RES.some((re) => re.test(word))
  const n = word.length
  if (n >= 4 && word.charCodeAt(0) === 98 /* b */ && word.charCodeAt(1) === 101 /* e */) {
    return (n >= 5 && word.endsWith('lah')) || word.endsWith('an')
  }
  if (n < 3 || word.charCodeAt(n - 1) !== 105 /* i */) return false
  return word.startsWith('me') || word.startsWith('di') || word.startsWith('pe') || (n >= 4 && word.startsWith('ter'))
}

const LINE_TERMINATOR_RE = /[\n\r\u2028\u2029]/
const PRECEDENCE_RES = [/^be(.*)lah$/, /^be(.*)an$/, /^me(.*)i$/, /^di(.*)i$/, /^pe(.*)i$/, /^ter(.*)i$/]
