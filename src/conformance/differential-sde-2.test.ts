import { differentialSdePart } from './differential-sde-suite.js';

differentialSdePart(1);
