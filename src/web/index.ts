export { mountWebPages } from './mountWebPages';
