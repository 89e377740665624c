/**
 * The offline screens (issue #17). Everything shown comes from the copy on the phone; every
 * save goes into the queue first (IndexedDB, sealed) and is sent from there, so a phone that
 * loses signal or restarts mid-way loses nothing.
 */
export { VillageScreen } from './VillageScreen';
export { ChildScreen } from './ChildScreen';
export { AssessmentScreen, NewChildScreen, SurveyScreen } from './NewRecordScreens';
