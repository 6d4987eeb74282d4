/**
 * English cues for needs, journey stage and signals (syntax: ../matcher.ts); same keys and
 * GUIDELINES.md sections as ./cues-fr.ts.
 */
import type { CxPatterns } from './types.ts';

export const CUES_EN: CxPatterns = {
  q: [
    'how do i', 'how can i', 'how to', 'is there', 'is it possible', 'can i', 'could i', 'do you', 'does anyone', 'anyone know',
    'why', 'what does', 'what do i', 'what should i', 'need to know', 'would like to know', 'could you tell me', 'just wondering', 'info on', 'i m wondering', 'wondering if', 'explain', 'how much',
    'when will', 'where is', 'where s', 'which',
  ],
  polite: ['can you', 'could you', 'would you', 'will you', 'can someone', 'could someone', 'please can'],
  request: [
    'please', 'kindly', 'can someone', 'could someone', 'can you', 'could you', 'i need', 'i want', 'i d like', 'i would like',
    'i demand', 'i expect', 'call me', 'get back to me', 'roll it back', 'give us', 'fix', 'sort it', 'asap', 'help',
  ],
  'need:information': [
    'need to know', 'explain', 'tell me why', 'nobody told', 'no one told', 'any update*', 'updates', 'an actual date', 'what s going on',
    'what is going on', 'don t understand', 'don t know what', 'where is', 'how do i', 'is there a way', 'concrete news', 'no idea',
  ],
  'need:resolution': [
    'fix', 'fixed', 'sort it', 'sort this', 'sort out', 'resolve', 'solve', 'replace', 'replacement', 'correct the', 'reissue', 'send', 'resend', 'issue a', 'cancel my', 'delete my', 'close my',
    'restore', 'pause the payment', 'what to do with', 'someone call', 'please can someone', 'get it working',
    'turn it back on', 'back up', 'send me',
  ],
  'need:fairness': [
    'refund*', 'compensat*', 'money back', 'reimburs*', 'charged twice', 'double charged', 'overcharg*', 'scam*', 'rip off',
    'ripoff', 'for this', 'same price', 'unfair', 'not fair', 'zero credits', 'no credits', 'delay repay', 'no money',
    'thanks for nothing', 'shocking value', 'raise prices', 'higher price', 'expired because', 'don t apply', 'doesn t apply',
    'i paid for', 'vouchers',
  ],
  'need:reassurance': [
    'worried', 'worry', 'scared', 'afraid', 'anxious', 'panic*', 'safe', 'safety', 'terrified', 'nervous', 'fraud', 'is this legit',
    'can t walk', 'don t know if i can', 'tablets left', 'can t afford', 'what happens if',
  ],
  'need:respect': [
    'rude', 'no apology', 'not even an apology', 'not even sorry', 'dismissive', 'treated like', 'talked down', 'disrespect*', 'eight years', '# years', 'loyal',
    'member for', 'i m a customer', 'passed away', 'a human', 'condescending', 'felt scammed',
    'with you guys',
  ],
  'need:speed': [
    'asap', 'urgent*', 'right now', 'today', 'immediately', 'quickly', 'as soon as', 'hurry', 'by tomorrow', 'tonight',
    'call me back today', 'under a month', 'on hold', 'days left', 'in the queue', 
    'this week', 'in # hours', 'within',
  ],
  'need:reliability': [
    'again', 'every time', 'every update', 'keeps happening', 'always', 'never work', '# outages', 'outages', 'too many', 'consistent*',
    'used to be', 'guaranteed', 'promised', 'approved', 'two weeks running', 'weeks running', 'no record of', 'hasn t run since',
    'update your data', 'on time', 
  ],
  'need:autonomy': [
    'myself', 'toggle', 'self service', 'online', 'in the app', 'through the app', 'do it myself', 'let me', 'option to', 'control',
    'change the delivery address', 'can i change', 'roll it back', 'find the button', 'bulk import',
  ],
  'stage:discover': ['do you price match', 'do you offer', 'looking at', 'thinking of', 'before i buy', 'before buying', 'considering'],
  'stage:purchase': [
    'at the counter', 'checkout', 'check out', 'in store', 'the store', 'stockroom', 'ordering', 'after ordering', 'reservation',
    'booked', 'booking', 'website', 'add to cart', 'appointment', 'sign up', 'bought', 'purchase',
  ],
  'stage:onboarding': [
    'installer', 'installation', 'install*', 'fitted', 'set up', 'setup', 'activation', 'activate', 'onboarding', 
    'new account', 'porting', 'first bill', 'welcome',
  ],
  'stage:delivery': [
    'i ordered', 'my order', 'ordered', 
    'delivery', 'delivered', 'driver', 'courier', 'parcel', 'package', 'tracking', 'shipping', 'shipped', 'click and collect',
    'arrived with', 'order arrived', 'dispatch*', 'collect',
  ],
  'stage:usage': [
    'flight', 'train', 'bus', 'trip', 'journey', 'route', 'coverage', 'network', 'outage*', 'claim', 'the app', 'the car', 'lift',
    'tablets', 'prescription', 'miles', 'tool', 'module', 'seat', 'luggage', 'bag', 'hotel', 'cabin', 'meter', 'season ticket',
    'landline', 'counsellor', 'appointment with',
  ],
  'stage:billing': [
    'bill', 'bills', 'billed', 'invoice*', 'charge*', 'refund*', 'payment', 'direct debit', 'repay', 'overcharg*', 'fees', 'pay later',
  ],
  'stage:support': [
    'customer service', 'support', 'on hold', 'ticket', 'agent', 'chatbot', 'bot', 'helpline', 'call centre', 'call center',
    'reported a bug', 'replaced', 'the queue', 'get through',
  ],
  'stage:renewal': ['renewal', 'renew*', 'at renewal', 'new contract price', 'contract ended', 'end of my contract'],
  'stage:cancellation': [
    'how do i cancel', 'how to cancel', 'close my account', 'closing my account', 'cancel my subscription', 'cancel my contract',
    'end my contract', 'terminate', 'early termination', 'termination fee', 'final bill', 'moving abroad', 'cancellation process',
  ],
  churn: [
    'cancel my subscription|account|contract|membership|plan', 'cancelling my', 'cancelling|cancel everything', 'cancelling it all', 'i m cancelling', 'i am cancelling', 'i ll be cancelling',
    'cancelled after', 'close the account', 'close my account', 'closing my account', 'delete my account', 'switching to', 'switch to',
    'porting to', 'leaving you', 'i m leaving', 'we re leaving', 'done with', 'never again', 'never flying',
    'never using', 'never ordering', 'never buying', 'won t be back', 'won t be using', 'won t fly', 'will not fly', 'last time i',
    'taking my business elsewhere', 'take my business elsewhere', 'lost a customer', 'find another', 'uninstall*',
    'moving abroad',
  ],
  churn_block: ['switched from', 'before', 'thinking about whether', 'renewing'],
  vuln: [
    'passed away', 'died', 'death', 'funeral', 'bereave*', 'widow*', 'late husband', 'late wife', 'cancer', 'chemo*', 'dialysis',
    'epilep*', 'chronic', 'disabled', 'disability', 'wheelchair', 'blind', 'deaf', 'housebound', 'mobility', 'can t walk', 'dementia',
    'alzheimer*', 'parkinson*', 'elderly', 'can t afford', 'cannot afford', 'money is tight', 'money is really tight', 'food bank',
    'unemployed', 'lost my job', 'benefits', 'debt', 'depression', 'mental health', 'suicid*', 'panic attacks', 'counsellor',
    'therapist', 'transplant', 'terminal*', 'hospice', 'lifeline', 'insulin', 'oxygen',
  ],
  age: [
    'i m #', 'i am #', 'she s #', 'he s #', 'aged #', '# years old', '# year old', 'mother|father|mum|mom|dad|grandma|grandmother|grandad|grandfather|nan|husband|wife|aunt|uncle ~is|~s|~who ~is #',
  ],
  third: ['neighbour*', 'neighbor*', 'colleague*', 'a friend', 'my friend', 'coworker*'],
  repeat: [
    '# times already', 'already # times',
    'third time', 'fourth time', 'second time', '# th time', 'again', 'once again', 'still waiting', 'still no', 'still not',
    'still hasn t', 'keep calling', 'called # times', 'emailed # times', 'already sent', 'already called', 'already emailed',
    'chased', 'following up', 'follow up again', 'two weeks running', 'every update',
  ],
  'urg:high': [
    'gas', 'smell gas', 'allerg*', 'anaphyla*', 'wrong dose', 'dosage', 'motorway', 'highway', 'broke down', 'fire', 'smoke',
    'overdraft', 'overdrawn', 'blocked', 'frozen account', 'can t pay', 'no power', 'no heating', 'no water', 'completely down',
    'totally down', 'in # hours', 'in # minutes', 'tonight', 'tomorrow morning', 'today', 'this morning', 'urgent*', 'asap',
    'due today', 'due tomorrow', 'data breach', 'hacked', 'wiped', 'fraud', 'journalist*', 'lawyer', 'stranded',
    'can t walk', 
  ],
  'urg:medium': [
    'refund*', 'dispute*', 'charged', 'correct the', 'this week', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
    'saturday', 'sunday', 'by the', 'before the', 'roll it back', 'change the', 'direct debit', 'give us',
  ],
  praise: ['no complaints', 'can t complain', 'good quality', 'pleased', 'glad', 
    'thank*', 'thx', 'great', 'love', 'lovely', 'best', 'amazing', 'perfect', 'excellent', 'happy', 'shout out', 'shoutout',
    'legends', 'class act', 'game changer', 'kudos', 'recommend', 'made my day', 'above and beyond', 'convenient', 'fair price',
  ],
  deed: [
    'in # min|mins|minutes|hours|hour|days', 'in an hour', 'within minutes', 'within the hour', 'same day', 'the same day', 'fixed',
    'replaced', 'refunded', 'ready in', 'came through', 'sorted it', 'called back', 'checked on', 'went out of their way',
  ],
  cause: ['because', 'since', 'due to', 'after', 'as'],
  // Unfair treatment at renewal (GUIDELINES: fairness, "being treated justly"; renewal): the loyalty
  // penalty, a promo ending. A complaint even without negative words: "a loyal customer" is the
  // grievance here. A bare price change stays a price theme (themes-en.ts), with no stage implied.
  unfair: [
    'new customers get|pay|have', 'new customers are offered|given', 'deals for new ones|customers', 'while i ~, a loyal customer',
    'loyal customer* ~, pay*', 'loyalty counts|means for nothing', 'loyalty means|counts nothing', 'loyalty doesn t count|pay|matter',
    'no loyalty discount', 'punish* loyal*', 'treated better than', 'more than new customers',
    'price* goes|went up at every|each renewal', 'promo has ended', 'promo ended', 'end of my promo*',
  ],
  // Complaint tone (../themes.ts): words that show a message is a grievance whatever the
  // sentiment model says, so a stated problem is kept even when sentiment reads neutral/positive.
  gripe: [
    'worst', 'terrible', 'awful', 'horrible', 'ridiculous', 'unacceptable', 'pathetic', 'joke', 'fail', 'fails', 'failed', 'epic fail',
    'sucks', 'sucked', 'crap*', 'shit*', 'wtf', 'ugh*', 'seriously', 'disappoint*', 'frustrat*', 'annoy*', 'angry', 'furious',
    'upset', 'unhappy', 'not happy', 'not ok', 'not okay', 'not good', 'not cool', 'no excuse', 'thanks for nothing', 'still',
    'yet again', 'again', 'no one', 'nobody', 'why is|are|was|were|do|does|did|would|can t|isn t|won t|hasn t|haven t', 'how hard', 'shame*', 'disgrace*', 'nightmare', 'hell', 'poor', 'bad',
    'lousy', 'useless', 'incompetent', 'stuck', 'stranded', 'trapped', 'missed', 'miss my', 'wasted', 'waste', 'fed up', 'sick of',
    'tired of', 'hate', 'screw*', 'smh', 'come on', 'do better', 'expect better', 'complain*', 'problem*', 'issue*', 'mess',
    'ruined', 'no help', 'nothing', 'never', 'atrocious', 'appalling', 'inadequate', 'pointless', 'pissed', 'disgusting', 'lame',
    'unconscionable', 'messed up', 'worse', 'not nice', 'not helping', 'don t care', 'doesn t care', 'gave up', 'let down', 'ruin*',
    'no more', 'doubt', 'inept', 'incompeten*', 'forgot', 'forgotten', 'misery', 'miserable', 'unbelievab*', 'unaccept*', 'zero', 'sigh', 'steamed', 'speechless', 'lying', 'lied', 'not enough',
    'far from', 'anyone there', 'ordeal', 'endless', 'sorry excuse', 'can t', 'couldn t', 'won t', 'wouldn t', 'didn t', 'isn t', 'aren t', 'wasn t',
  ],
};
