import express, { type RequestHandler } from 'express';
import { requireCsrf } from './csrf';

const urlencoded = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 2000 });
const json = express.json({ limit: '1mb' });

/**
 * Reads a form or JSON body (a body of another type, e.g. multipart, is left for the route). Only for a route that
 * checks the CSRF token itself once every kind of body it takes is read (verifyCsrf); any other route uses formBody.
 */
export const readBody: RequestHandler = (req, res, next) => {
  urlencoded(req, res, (err?: unknown) => (err ? next(err) : json(req, res, next)));
};

/**
 * For a route that takes a form or JSON body: reads it and checks its CSRF token before anything else runs. Put it
 * first on every unsafe route that is not multipart; multipart routes read their body themselves (receiveUpload,
 * the evidence upload) and call verifyCsrf once it is read.
 */
export const formBody: RequestHandler = (req, res, next) => {
  readBody(req, res, (err?: unknown) => (err ? next(err) : requireCsrf(req, res, next)));
};
