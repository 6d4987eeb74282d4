/**
 * English theme patterns (syntax: ../matcher.ts), written from GUIDELINES.md ("themes") and from the
 * general vocabulary of customer complaints, including airline pain points (late or cancelled
 * flights, lost bags, hold times, rebooking, cabin crew, bad seats/wifi/food).
 */
import type { CxPatterns } from './types.ts';

export const THEMES_EN: CxPatterns = {
  'theme:delay': [
    'delay*', 'late', 'running late', 'hours late', 'behind schedule', 'still not arrived', 'still hasn t arrived',
    'hasn t arrived', '!never arrived', '!never showed up', '!never came', 'hasn t moved', 'not moved since', 'still waiting for my',
    'supposed to be ready|delivered|here|arrive*', 'supposed to arrive', 'should have arrived', 'on the tarmac', 'stuck on the plane',
    'sitting on the plane', 'missed my connection', 'missed connection', 'miss my connection', 'pushed back', 'overdue',
    'took # days|weeks|months', '# days|weeks|months to', 'not on time', 'never on time', 'still no sign', 'guaranteed delivery by',
    'late flight*', 'still at the gate', 'waiting to board', 'taking forever', 'sitting at|on|in the gate|tarmac|runway|plane|airport',
    'stuck at|on|in the gate|tarmac|runway|plane|airport', 'still sitting', 'still on the plane', 'hour* on the plane|tarmac|runway',
    'mechanical', 'maintenance issue*|problem*|delay*', 'waiting for a|the crew|pilot|plane|gate', 'no crew', 'no pilot',
    'missed my|our connecting|connection|flight', 'miss my|our connecting|flight', 'won t make my|our connection', 'diverted',
    'haven t taken off', 'hasn t taken off', 'still haven t boarded', 'not boarded yet', 'late departure', 'late arrival',
    'departure time', 'pushed to', 'hours behind', 'slow boarding', 'waited # hours|hrs|hour for',
  ],
  // Company cancellations only (GUIDELINES); the customer's own cancellations are `cust_cancel`.
  'theme:cancellation': [
    'cancelled', 'cancellation*', 'cancelling', 'cancels', 'flight cancel*', 'train cancel*', 'cancelled flight*', 'cancelled my flight',
    'nobody showed up', 'no one showed up', 'didn t show up', 'no show', 'called off', 'been cancelled', 'was cancelled',
  ],
  cust_cancel: [
    'i cancelled', 'i ve cancelled', 'we cancelled', 'cancel my|our order|booking|reservation|ticket|trip', 'cancellation fee*',
    'want to cancel', 'need to cancel', 'how do i cancel', 'how to cancel', 'cancelled after',
  ],
  'theme:lost_or_damaged': [
    'lost my|our|the|a|your bag*|luggage|suitcase*|parcel|package|order|item*|baggage|stuff|belongings|box|stroller|case',
    'lost bag*|luggage|baggage|suitcase*|parcel|package|item*', 'bag*|luggage|suitcase*|parcel|package|baggage ~was|~is|~got|~were|~are|~been lost',
    'was|were|been|got|is lost', 'lose my', 'missing bag*', 'missing luggage', 'missing suitcase', 'missing order', 'missing parcel',
    'missing package', 'damaged', 'water damaged', 'ruined', 'soaked', 'arrived|came|delivered broken|smashed|cracked', 'smashed', 'cracked', 'torn', 'ripped', 'dented',
    'bag*|luggage|suitcase*|box|parcel|package|item*|stroller ~was|~is|~got|~arrived broken|destroyed', 'where is my bag*',
    'where are my bags', 'where is my luggage', 'where s my bag*', 'bag* didn t make it', 'left behind', 'mishandled',
    'lost luggage', 'lost bag*', 'baggage claim', 'delayed bag*', 'delayed luggage', 'bag never arrived', 'stolen', 'crushed', 'squashed', 'spilled', 'leaked', '!never received', 'marked as delivered',
    'says delivered', 'shows as delivered',
  ],
  'theme:wait_time': [
    '!on hold', '!hold time', '!hold for', '!holding for', '!been holding', '!in the queue', '!in a queue', '!long line*',
    '!line* are long', '!waited # minutes|hours|mins|hrs', '!waiting # minutes|hours|mins', '!wait time*', '!waiting time*',
    '!hours waiting', '!kept me|us waiting', '!waiting room', '!rang out', '!rings out', '!nobody|no one picked up', '!minutes waiting', '!can t get through', '!couldn t get through', '!busy signal', '!no one answers',
    '!nobody answers', '!no one picks up', '!nobody picks up', '!trying to get through', '!answer an email', '!to respond',
    '!reply in', '!slow to respond', '!slow response*', '!no response', '!no reply', '!response time*', '!queue*',
    '!hung up', '!call back', '!get a hold of', '!get ahold of', '!waited an hour', '!days to reply', '!takes forever',
    '!wait in line', '!waiting in line', '!security line', '!check in line', '!line at', '!in line', '!the line*', '!line* at|for|to',
    '!lines', '!queue*', '!call* # times', '!tried calling', '!trying to call', '!been calling', '!no answer', '!can t reach',
    '!can t get anyone', '!unable to reach', '!disconnected', '!phone line*', '!on the phone for', '!hours on the phone',
    '!waiting for a|your response|reply|call back|callback', '!no one responded', '!never responded', '!nobody responded',
    '!haven t heard', '!no one is answering', '!not answering', '!wait times', '!# hour wait', '!# hr wait', '!# minute wait',
  ],
  'theme:unresolved': [
    '!still not', '!still no', '!still hasn t', '!still haven t', '!still waiting', '!third time', '!fourth time', '!# th time',
    '!keep calling', '!keep getting', '!keeps happening', '!ticket open', '!emails unanswered',
    '!unanswered', '!no follow up', '!nobody s asked', '!no one followed up', '!never heard back', '!not resolved', '!unresolved',
    '!then nothing', '!then silence', '!passed around', '!runaround', '!run around', '!transferred', '!stuck in the middle',
    '!got it wrong', '!still broken', '!no resolution', '!nobody can help', '!no one can help', '!no help', '!nobody helped',
    '!out of order for', '!in circles', '!round in circles', '!loop', '!talk to a human', '!real person', '!never got|received the|my',
    '!promised', '!sent a dm|dms|message|email', '!dm d', '!didn t help', '!won t help', '!refused to help',
    '!couldn t help', '!can t help', '!no one to help', '!nobody to help', '!no assistance', '!no one at the desk', '!no one will',
    '!nobody will', '!no one can tell', '!nobody can tell', '!still haven t', '!still haven t received', '!no one cares', '!help me',
    '!need help', '!any help', '!please help', '!can someone help', '!no resolution', '!not been resolved', '!yet to', '!days later',
  ],
  'theme:billing': [
    '!bill', '!bills', '!billed', '!billing', '!invoice*', '!charge', '!charged*', '!charges', '!overcharg*', '!refund*',
    '!reimburs*', '!compensation', '!compensate*', '!payment*', '!direct debit', '!double charged', '!charged twice',
    '!fee', '!fees', '!late fee*', '!late payment fee*', '!repay', '!delay repay', '!credit*', '!voucher*', '!paid', '!pay later', '!money back', '!deposit',
    '!claim', '!miles',
  ],
  'theme:price': [
    '!price*', '!pricey', '!expensive', '!cheap*', '!overpriced', '!costs', '!cost', '!fares', '!fare', '!afford*', '!value',
    '!raise prices', '!price rise*', '!price increase*', '!went up by', '!gone up', '!put fares up', '!put prices up', '!# a year',
    '!same price', '!£ #', '!$ #', '!worth it', '!good value', '!value for money', '!rip off', '!ripoff', '!higher price',
    '!price match', '!bucks', '!went|gone|goes up', '!increase*', '!premium*', '!# %',
  ],
  'theme:product_quality': [
    'defective', 'faulty', 'never work*', 'fewer items', 'smaller portions', 'poorer quality', 'left a mess', 'hole in', 'poor quality', 'bad quality', 'cheap quality', 'filthy', 'dirty', 'smelly', 'stained', 'toilet* broken', 'cold food', 'food was cold', 'stale', 'inedible', 'expired',
    'allergen*', 'peanut*', 'gluten', 'meat in', 'seat* broken', 'broken seat*', 'seat didn t recline', 'uncomfortable', 'cramped',
    'no legroom', 'leg room', 'wifi didn t work', 'wifi not working', 'no wifi', 'wifi was down', 'entertainment didn t work',
    'entertainment system', 'no entertainment', 'bad flight', 'worst flight', 'terrible flight', 'horrible flight', 'bumpy',
    'engine light', 'warning light', 'flat tyre|tire', 'puncture*', 'battery ~was dead|died', 'wrong dosage|dose|medication|medicine|prescription', 'broke down', 'breakdown', 'leaking', 'leaks', 'clunky', 'no air', 'too hot', 'freezing', 'no food', 'no water', 'no drinks', 'no entertainment', 'ran out of food',
    'no snacks', 'no power outlet*',
  ],
  'theme:technical': [
    'bug*', 'glitch*', 'crash*', 'app', 'website', 'site is down', 'site down', 'app down', 'outage*', 'down for', 'error*',
    'figures|numbers|totals|reports ~are ~were wrong|incorrect', 'wrong totals|figures|numbers', 'don t add up', 'outdated', 'drops', 'dropping', 'drop out*', 'cuts out', 'cutting out', 'keeps disconnecting', 'intermittent*', 'patchy',
    'won t accept', 'wouldn t accept', 'doesn t accept', 'not loading', 'won t load', 'doesn t load', 'won t let me', 'doesn t work', 'not working', 'stopped working', 'keeps freezing',
    'froze', 'frozen', 'lift|elevator|escalator* ~is|~was|~has|~s ~been broken|down', 'broken lift|elevator|escalator', 'data breach', 'hacked', 'wiped', 'disappeared', 'out of order', 'out of service', 'no signal',
    'no internet', 'internet is down', 'wifi', 'slow', 'broken link', 
  ],
  'theme:account_access': [
    'log in', 'login', 'logged out', 'sign in', 'password*', 'locked out', 'account locked', 'verification code',
    'two factor', '2fa', 'verify my identity', 'identity check*', 'id check*', 'reset my password', 'access my account',
    'can t access', 'username',
  ],
  'theme:information': [
    '!zero warning', '!no warning', '!without warning', '!zero updates', '!no updates', '!no update', '!no information',
    '!no info', '!nobody told me', '!no one told me', '!nobody told us', '!not informed', '!no explanation', '!unclear',
    '!confusing', '!nobody|no one mentioned', '!never mentioned', '!wasn t mentioned', '!not mentioned', '!out of date', '!outdated information', '!wrong info*', '!without telling', '!changed without', '!can t find', '!couldn t find', '!docs', '!documentation', '!misleading', '!wrong information',
    '!misinformed', '!don t understand what', '!no communication', '!lack of communication', '!kept in the dark',
    '!not confirmed', '!no idea what', '!mixed messages', '!contradict*',
  ],
  'theme:policy': [
    'policy', 'policies', 'terms and conditions', 'terms', 'rules', 'not allowed', 'allowed to', 'doesn t apply', 'don t apply',
    'clause', 'small print', 'fine print', 'claim* rejected|denied|declined', 'early termination', 'termination fee*',
    'non refundable', 'not refundable', 'expired', 'pressure you into', 'pressured me into', 'insurance', 'price match', 'can i bring|take', 'am i allowed', 'are dogs|pets allowed',
    'in my name', 'in his name', 'in her name', 'contract', 'excess', 'restriction*', 'eligible', 'not eligible',
  ],
  'theme:booking': [
    'booking*', 'reservation*', 'rebook*', 're book', 'book a flight', 'book another flight', 'change my flight', 'change flights',
    'itinerary', 'wrong size', 'wrong item', 'wrong order', 'missing item*', 'item missing', 'overbook*', 'oversold',
    'no record of', 'double booked', 'delivery address', 'special service request', 'seat assignment', 'confirmation number',
    'modified', 'boarding pass', 'checked in', 'book a|another|my|our|online', 'to book', 'booked', 'book it', 'booking it', 'trying to book', 'can t book', 'change my|a|our flight|ticket|reservation',
    'changed my|our flight|itinerary|seat', 'my ticket*', 'ticket change', 'e ticket', 'confirmation code|number|email', 'upgrade*',
    'standby', 'waitlist*', 'award ticket|travel|flight', 'companion fare', 'name change', 'online check in', 'check in online',
    'can t check in', 'couldn t check in', 'change fee*', 'seat assignment*', 'assigned seat*', 'schedule change', 'flight change',
    'refund for my flight', 'purchase*', 'reschedul*', 'seat selection', 'select seats', 'ticketing', 'bought a|my|the ticket*',
    'double booked', 'new flight', 'flight credit*', 'travel credit*', 'miles ticket', 'booking engine', 'online booking', 'book online', 'website won t let me',
  ],
  // Direct attitude phrases that need no staff noun.
  'theme:staff_attitude': [
    'for her|his|their patience|kindness|help|professionalism|care', 'thanks to _ for', 'absolute star|angel|legend',
    'rude', 'rudest', 'rudely', 'unprofessional', 'disrespectful', 'yelled at', 'snapped at', 'attitude', 'unhelpful', 'dismissive',
    'nasty', 'belittled', 'condescending','pressure* you|me|us into', 'talked down to', 'treated like', 'class act', 'above and beyond'],
  'role:staff': [
    'staff', 'agent*', 'employee*', 'crew', 'cabin crew', 'flight attendant*', 'stewardess*', 'steward*', 'pilot*',
    'gate agent*', 'customer service', 'customer care', 'support', 'team', 'rep', 'reps', 'representative*', 'driver*',
    'engineer*', 'installer*', 'technician*', 'nurse*', 'doctor*', 'receptionist*', 'cashier*', 'manager*',
    'attendant*', 'counter', 'desk', 'lady', 'guy', 'service', 'you guys', 'your people', 'employees', 'personnel', 'phone agent*',
  ],
  // Weak cues: only in complaints, only when nothing more specific was found (../themes.ts).
  'weak:delay': [
    'for # hours|hrs|hour|mins|minutes', '# hours|hrs|hour|mins|minutes and counting', 'been here|waiting # hours|hrs|hour', 'still waiting',
    'been waiting', 'sitting here', 'sitting for', 'stuck in|at|on', 'ground stop', 'weather', 'still at', 'still no plane',
    'leave on time', 'off the ground', 'take off', 'hours at the airport', 'in the airport', 'still here', 'when will we',
    'any update on', 'over an hour', 'over # hours', 'the wait', '# hours|hrs|hour', 'at the gate', 'on the plane', 'on time', 'eta',
    'connection', 'connecting',
  ],
  'weak:cancellation': ['stranded', 'rebooked on', 'next available flight', 'another flight', 'no flights', 'flight got'],
  'weak:wait_time': ['security', 'tsa', 'check in', 'checkin', 'counter', 'kiosk*', 'bag drop', 'customs', 'boarding process', 'crowd*', 'mess',
    'standing in', 'standing at', 'checkpoint', 'wait to', 'wait for', 'waiting at', 'waiting in', 'check in counter',
    'phone', 'call', 'calling', 'called', 'the line', 'get through', 'reach', 'hours'],
  'weak:unresolved': ['email*', 'response', 'respond', 'reply', 'dm', 'dms', 'answer*', 'no one', 'nobody', 'help', 'refund'],
  'weak:lost_or_damaged': ['bag', 'bags', 'luggage', 'baggage', 'suitcase*'],
  'weak:booking': ['ticket', 'tickets', 'change', 'system', 'online', 'website', 'reservation*', 'seat*'],
  // Cabin crew and desk staff: a complaint naming them is about their attitude.
  'weak:staff_attitude': [
    'told me', 'told us', 'attendant*', 'crew', 'employee*',
    'flight attendant*', 'cabin crew', 'stewardess*', 'steward*', 'crew member*', 'purser', 'gate agent*', 'pilot*',
    'customer service', 'customer care', 'staff', 'agent', 'agents', 'employee*', 'rep', 'reps', 'crew', 'representative*',
  ],
  'weak:product_quality': ['flight was', 'flight is', 'worst flight', 'uncomfortable', 'cold', 'hot', 'smell*', 'dirty', 'broken', 'old plane*',
    'seat', 'seats', 'plane', 'aircraft', 'legroom', 'food', 'wifi', 'entertainment', 'tv', 'flight was', 'bad flight'],
  'role:crew': ['flight attendant*', 'cabin crew', 'stewardess*', 'steward*', 'crew member*', 'fa', 'fas', 'purser', 'gate agent*', 'pilot*'],
  'role:bag': ['bag', 'bags', 'luggage', 'baggage', 'suitcase*', 'stroller', 'car seat', 'golf clubs', 'skis', 'guitar', 'belongings', 'checked bag*'],
  'role:bagissue': [
    'lost', 'missing', 'where', 'still', 'never', 'find', 'found', 'locate', 'track*', 'deliver*', 'arrive*', 'claim', 'left',
    'waiting', 'didn t make', 'not on', 'broken', 'damaged', 'ripped', 'torn', 'destroyed', 'busted', 'cracked', 'wheel*',
    'handle', 'smashed', 'delayed', 'misplaced', 'another city', 'went to', 'sent to', 'hours for',
  ],
  'role:onboard': [
    'flight', 'seat*', 'plane', 'aircraft', 'food', 'meal*', 'snack*', 'drink*', 'wifi', 'wi fi', 'entertainment', 'tv', 'screen*',
    'movie*', 'lavatory', 'bathroom*', 'toilet*', 'cabin', 'legroom', 'ac', 'air conditioning', 'temperature', 'headphone*',
    'tray table', 'armrest', 'blanket*', 'power outlet*', 'landing', 'turbulence', 'ride', 'experience', 'trip',
  ],
  'role:onboardbad': [
    'terrible', 'awful', 'horrible', 'worst', 'bad', 'broken', 'dirty', 'filthy', 'smell*', 'stinks', 'gross', 'uncomfortable',
    'cramped', 'hot', 'cold', 'freezing', 'didn t work', 'doesn t work', 'not working', 'old', 'disgusting', 'tiny', 'inedible',
    'stale', 'miserable', 'nightmare', 'unbearable', 'down', 'out', 'sucked', 'sucks', 'crap', 'worse', 'lack of', 'rough',
    'scary', 'hell', 'dreadful', 'ruined',
  ],
  'role:device': [
    'lift', 'lifts', 'elevator*', 'escalator*', 'machine*', 'kiosk*', 'self checkout*', 'terminal*', 'ticket machine*', 'barrier*',
    'gate*', 'atm', 'card reader', 'charger*', 'charging point*', 'router', 'modem', 'box', 'meter', 'boiler',
  ],
  'role:broken': [
    'broken', 'out of order', 'not working', 'never work*', 'doesn t work', 'don t work', 'won t work', 'stopped working', 'down',
    'dead', 'faulty', 'keeps failing', 'failed',
  ],
  'role:good': [
    'lovely', 'great', 'friendly', 'polite', 'kind', 'helpful', 'amazing', 'wonderful', 'fantastic', 'excellent', 'legend*',
    'class act', 'above and beyond', 'professional', 'patient', 'nice', 'awesome', 'superb', 'brilliant', 'thank*',
    'shout out', 'shoutout', 'kudos', 'courteous', 'caring', 'made my day', 'angel', 'star', 'gem', 'looked after',
  ],
  'role:bad': [
    'rude', 'unhelpful', 'dismissive', 'useless', 'unprofessional', 'incompetent', 'arrogant', 'condescending', 'hostile',
    'yelled', 'shouted', 'laughed at', 'ignored', 'snapped', 'attitude', 'worst', 'terrible', 'awful', 'horrible', 'pathetic',
    'joke', 'disgrace*', 'disgusting', 'appalling', 'abysmal', 'lousy', 'sucks', 'poor', 'clueless', 'reads from a script',
    'script', 'shrug*', 'couldn t be bothered', 'hung up on me', 'no help', 'not helpful', 'couldn t care less', 'don t care', 'doesn t care', 'bad', 'lazy',
    'unfriendly', 'nasty', 'mean', 'ridiculous', 'unacceptable', 'shameful', 'zero help', 'no empathy', 'pressure*',
  ],
};
