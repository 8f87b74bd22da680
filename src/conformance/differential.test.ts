import { differentialPart } from './differential-suite.js';

differentialPart(0);
