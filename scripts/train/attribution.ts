/** Text of models/ATTRIBUTION.md, written by `npm run train`. */
export const ATTRIBUTION = `# Model attribution

models/analyzer.json and models/coach.json are built by \`npm run train\` (scripts/train.ts). They contain
derived weights and lexicons from the following resources, used under their licences:

- **VADER** lexicon and emoji lexicon — C.J. Hutto and E. Gilbert, "VADER: A Parsimonious Rule-based Model for
  Sentiment Analysis of Social Media Text", ICWSM 2014. https://github.com/cjhutto/vaderSentiment — MIT licence.
- **FEEL** (French Expanded Emotion Lexicon) — A. Abdaoui, J. Azé, S. Bringay and P. Poncelet, "FEEL: a French
  Expanded Emotion Lexicon", Language Resources and Evaluation 51(3), 2017. Free for academic and economic use
  (derived from the NRC Emotion Lexicon, S. Mohammad and P. Turney).
- **GoEmotions** (train split) — D. Demszky et al., "GoEmotions: A Dataset of Fine-Grained Emotions", ACL 2020.
  Apache-2.0.
- **XED** (English annotations, French projections, en–fr pairs; 10% of each file held out) — E. Öhman et al.,
  "XED: A Multilingual Dataset for Sentiment Analysis and Emotion Detection", COLING 2020. CC BY 4.0.
- **Banking77** (train split) — I. Casanueva et al., "Efficient Intent Detection with Dual Sentence Encoders",
  NLP4ConvAI 2020. CC BY 4.0.
- Écoute's own French/English customer-experience lexicons (src/analyze/lexicon/, src/analyze/cx/lexicon/), MIT.
- The **Écoute corpus** (ecoute-corpus: customer messages and agent replies written and labelled for Écoute under
  the gold guidelines), MIT: its messages train the learned customer-message heads (analyzer.json \`cxHeads\`),
  its replies the reply coach (coach.json). The visible gold third (ecoute-gold) trains and tunes nothing.
- Écoute's **written messages** (data/written-messages/ in this repository: customer messages written and labelled
  for Écoute under the same guidelines, independently of the corpus and gold texts), MIT: they train the learned
  heads beside the corpus.

No evaluation-only data (airline tweets, UMSAB, French insurance or restaurant reviews, TWCS, EPITOME,
VADER ground truth, Polarimots, ecoute-gold) was used to train or tune these weights.
`;
