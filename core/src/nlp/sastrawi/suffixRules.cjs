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

// a list of commonly used words that have little meaning and can be excluded
// from analysis.

const Removal = require('./removal.cjs')

function SuffixRules () {
  const SuffixRules = this

  function createResultObject (result, word, type) {
    let removal
    if (result !== word) {
      const removedPart = word.replace(result, '')

      removal = new Removal(word, result, removedPart, type)
    }
    return { removal, currentWord: result }
  }

  // Suara Desa: each rule first checks the word's ending the regex needs; without it the rule
  // returns the word unchanged (as the regex would), without running the regex.
  SuffixRules.RemoveInflectionalParticle = function (word) {
    if (!(word.endsWith('lah') || word.endsWith('kah') || word.endsWith('tah') || word.endsWith('pun'))) return { removal: undefined, currentWord: word }
    const result = word.replace(/-*(lah|kah|tah|pun)$/, '')
    return createResultObject(result, word, 'P')
  }

  SuffixRules.RemoveInflectionalPossessivePronoun = function (word) {
    if (!(word.endsWith('ku') || word.endsWith('mu') || word.endsWith('nya'))) return { removal: undefined, currentWord: word }
    const result = word.replace(/-*(ku|mu|nya)$/, '')
    return createResultObject(result, word, 'PP')
  }

  SuffixRules.RemoveDerivationalSuffix = function (word) {
    // is, isme, isasi, i, kan, an
    if (!(word.endsWith('i') || word.endsWith('is') || word.endsWith('an') || word.endsWith('isme'))) return { removal: undefined, currentWord: word }
    const result = word.replace(/(is|isme|isasi|i|kan|an)$/, '')
    return createResultObject(result, word, 'DS')
  }
}

module.exports = SuffixRules

// Initalize suffix rules array
const rules = []
const sr = new SuffixRules()

rules.push(sr.RemoveInflectionalParticle)
rules.push(sr.RemoveInflectionalPossessivePronoun)
rules.push(sr.RemoveDerivationalSuffix)

SuffixRules.rules = rules
